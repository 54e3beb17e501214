import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { customerSubscriptionsLoader } from '../loaders/subscriptions';
import { Customer } from '../types/customer.type';
import { LicenseSubscription } from '../types/license-subscription.type';
import { SubscriptionFilterArgs, subscriptionFilter } from './subscription-filter.args';

/** This subgraph's field on the organizations subgraph's Customer. */
@Resolver(() => Customer)
export class CustomerResolver {
  @FieldResolver(() => [LicenseSubscription], {
    description: "The customer's subscriptions the viewer may read, ordered by id",
  })
  subscriptions(
    @Root() customer: Customer,
    @Args() args: SubscriptionFilterArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSubscription[]> {
    return customerSubscriptionsLoader(ctx, subscriptionFilter(args)).load(customer.id);
  }
}
