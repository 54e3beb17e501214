import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AsOfArgs } from '../../../graphql/as-of.args';
import type { RequestContext } from '../../../graphql/context';
import { licenseSummaryOf, subscriptionSummaryLoader } from '../loaders/license-summaries';
import { LicenseSubscription } from '../types/license-subscription.type';
import { LicenseSummary } from '../types/license-summary.type';

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
}
