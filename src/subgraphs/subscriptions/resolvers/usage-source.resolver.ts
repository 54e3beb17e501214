import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { subscriptionLoader } from '../loaders/subscriptions';
import { LicenseSubscription } from '../types/license-subscription.type';
import { UsageSource } from '../types/usage-source.type';

/** Fields every usage source resolves alike; Cluster and Tenant inherit them. */
@Resolver(() => UsageSource)
export class UsageSourceResolver {
  @FieldResolver(() => LicenseSubscription)
  async subscription(
    @Root() source: UsageSource,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSubscription> {
    const subscription = await subscriptionLoader(ctx).load(source.subscriptionId);
    // A source is read under its subscription's customer and partner: a miss means the row vanished.
    if (!subscription) throw new Error(`subscription of usage source ${source.id} not found`);
    return subscription;
  }
}
