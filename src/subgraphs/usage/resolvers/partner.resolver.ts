import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { licenseSummaryOf, partnerSummaryLoader } from '../loaders/license-summaries';
import { LicenseSummary } from '../types/license-summary.type';
import { partnerAlertLoader } from '../loaders/alerts';
import { LicenseAlert } from '../types/license-alert.type';
import { Partner } from '../types/partner.type';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';
import { AlertArgs, filterAlerts } from './alert.args';

@Resolver(() => Partner)
export class PartnerResolver {
  @FieldResolver(() => [LicenseSummary], {
    nullable: true,
    description:
      'Partner analytics (PARTNER_FULL_ADMIN, PARTNER_READ_ONLY_ADMIN only): all customers ' +
      'together on asOf (default today, UTC), one entry per license type',
  })
  licenseSummary(
    @Root() partner: Partner,
    @Args() args: AsOfArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSummary[]> {
    return licenseSummaryOf(partnerSummaryLoader, ctx, args, partner.id);
  }

  @FieldResolver(() => [LicenseAlert], {
    nullable: true,
    description:
      'Partner analytics (PARTNER_FULL_ADMIN, PARTNER_READ_ONLY_ADMIN only): the alerts of ' +
      'every customer of the partner on asOf (default today, UTC), computed on read',
  })
  async alerts(
    @Root() partner: Partner,
    @Args() args: AlertArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseAlert[]> {
    const asOf = asOfDay(args, ctx);
    return filterAlerts(await partnerAlertLoader(ctx, { asOf }).load(partner.id), args);
  }
}
