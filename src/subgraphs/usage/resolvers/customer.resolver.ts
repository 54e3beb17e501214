import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LICENSE_TYPES } from '../../../db/enums';
import type { RequestContext } from '../../../graphql/context';
import { LicenseType } from '../../../graphql/enums';
import { badUserInput } from '../../../graphql/errors';
import { licenseSummaryOf, customerSummaryLoader } from '../loaders/license-summaries';
import { LicenseSummary } from '../types/license-summary.type';
import { DateScalar } from '../../../graphql/scalars';
import { customerAlertLoader } from '../loaders/alerts';
import { regionUsageLoader } from '../loaders/region-usage';
import { Customer } from '../types/customer.type';
import { LicenseAlert } from '../types/license-alert.type';
import { RegionUsage } from '../types/region-usage.type';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';
import { AlertArgs, filterAlerts } from './alert.args';
import { customerForecastLoader } from '../loaders/forecasts';
import { LicenseForecast } from '../types/planning/license-forecast.type';
import { ForecastArgs, forecastArguments, forecastsOfTypes } from './forecast.args';
import { reclaimableLoader } from '../loaders/reclaimable';
import { ReclaimableLicenses } from '../types/planning/reclaimable-licenses.type';
import { ReclaimableArgs, reclaimableArguments } from './reclaimable.args';

@Resolver(() => Customer)
export class CustomerResolver {
  @FieldResolver(() => [LicenseSummary], {
    nullable: true,
    description:
      'All subscriptions of the customer together on asOf (default today, UTC), one entry per license type',
  })
  licenseSummary(
    @Root() customer: Customer,
    @Args() args: AsOfArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSummary[]> {
    return licenseSummaryOf(customerSummaryLoader, ctx, args, customer.id);
  }

  @FieldResolver(() => [RegionUsage], {
    nullable: true,
    description:
      'Consumption per region and license type on asOf (default today, UTC): which regions use ' +
      'their licenses',
  })
  async regionUsage(
    @Root() customer: Customer,
    @Ctx() ctx: RequestContext,
    @Arg('asOf', () => DateScalar, { nullable: true }) asOf?: string | null,
    @Arg('licenseTypes', () => [LicenseType], {
      nullable: true,
      description: 'Leave out for every license type',
    })
    licenseTypes?: LicenseType[] | null,
  ): Promise<RegionUsage[]> {
    if (licenseTypes && licenseTypes.length === 0) {
      throw badUserInput('licenseTypes must name at least one license type, or be left out', {
        argumentName: 'licenseTypes',
      });
    }
    const day = asOfDay({ asOf }, ctx);
    const wanted = licenseTypes ? new Set(licenseTypes) : null;
    const rows = await regionUsageLoader(ctx, {
      asOf: day,
      licenseTypes: wanted ? LICENSE_TYPES.filter((type) => wanted.has(type)) : null,
    }).load(customer.id);
    return rows.map(({ ownerId: _o, customerId: _c, ...row }) => ({ ...row, asOf: day }));
  }

  @FieldResolver(() => [LicenseAlert], {
    nullable: true,
    description: 'Alerts of the customer on asOf (default today, UTC), computed on read',
  })
  async alerts(
    @Root() customer: Customer,
    @Args() args: AlertArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseAlert[]> {
    const asOf = asOfDay(args, ctx);
    return filterAlerts(await customerAlertLoader(ctx, { asOf }).load(customer.id), args);
  }

  @FieldResolver(() => [LicenseForecast], {
    nullable: true,
    description:
      "When each license type of the customer's subscriptions runs out at its recent trend " +
      '(README, Forecast)',
  })
  async forecast(
    @Root() customer: Customer,
    @Args() args: ForecastArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseForecast[]> {
    const loader = customerForecastLoader(ctx, forecastArguments(args, ctx));
    return forecastsOfTypes(await loader.load(customer.id), args);
  }

  @FieldResolver(() => [ReclaimableLicenses], {
    nullable: true,
    description:
      'Licenses bought but unused over the window: what could be reclaimed or not renewed ' +
      '(README, Reclaimable licenses)',
  })
  reclaimable(
    @Root() customer: Customer,
    @Args() args: ReclaimableArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ReclaimableLicenses[]> {
    return reclaimableLoader(ctx, reclaimableArguments(args, ctx)).load(customer.id);
  }
}
