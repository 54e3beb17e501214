import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';
import type { RequestContext } from '../../../graphql/context';
import { subscriptionSummaryLoader, toLicenseSummary } from '../loaders/license-summaries';
import { LicenseSubscription } from '../types/license-subscription.type';
import { LicenseSummary } from '../types/license-summary.type';

@Resolver(() => LicenseSubscription)
export class LicenseSubscriptionResolver {
  @FieldResolver(() => [LicenseSummary], {
    description:
      "The subscription's licenses on asOf (default today, UTC), one entry per license type",
  })
  async licenseSummary(
    @Root() subscription: LicenseSubscription,
    @Args() args: AsOfArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSummary[]> {
    const asOf = asOfDay(args, ctx);
    const rows = await subscriptionSummaryLoader(ctx, { asOf }).load(subscription.id);
    return rows.map((row) => toLicenseSummary(row, asOf));
  }
}
