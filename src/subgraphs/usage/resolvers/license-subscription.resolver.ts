import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AsOfArgs } from '../../../graphql/as-of.args';
import type { RequestContext } from '../../../graphql/context';
import { licenseSummaryOf, subscriptionSummaryLoader } from '../loaders/license-summaries';
import { LicenseSubscription } from '../types/license-subscription.type';
import { LicenseSummary } from '../types/license-summary.type';
import { subscriptionForecastLoader } from '../loaders/forecasts';
import { LicenseForecast } from '../types/planning/license-forecast.type';
import { ForecastArgs, forecastArguments, forecastsOfTypes } from './forecast.args';

@Resolver(() => LicenseSubscription)
export class LicenseSubscriptionResolver {
  @FieldResolver(() => [LicenseSummary], {
    description:
      "The subscription's licenses on asOf (default today, UTC), one entry per license type",
  })
  licenseSummary(
    @Root() subscription: LicenseSubscription,
    @Args() args: AsOfArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSummary[]> {
    return licenseSummaryOf(subscriptionSummaryLoader, ctx, args, subscription.id);
  }

  @FieldResolver(() => [LicenseForecast], {
    nullable: true,
    description:
      'When each license type of the subscription runs out at its recent trend (README, Forecast)',
  })
  async forecast(
    @Root() subscription: LicenseSubscription,
    @Args() args: ForecastArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseForecast[]> {
    const loader = subscriptionForecastLoader(ctx, forecastArguments(args, ctx));
    return forecastsOfTypes(await loader.load(subscription.id), args);
  }
}
