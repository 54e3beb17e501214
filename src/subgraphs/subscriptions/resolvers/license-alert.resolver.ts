import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { subscriptionLoader } from '../loaders/subscriptions';
import { LicenseAlert } from '../types/license-alert.type';
import { Subscription } from '../types/subscription.type';

@Resolver(() => LicenseAlert)
export class LicenseAlertResolver {
  /** Out of the viewer's scope (or gone) looks like no subscription at all. */
  @FieldResolver(() => Subscription, { nullable: true })
  async subscription(
    @Root() alert: LicenseAlert,
    @Ctx() ctx: RequestContext,
  ): Promise<Subscription | null> {
    return alert.subscriptionId ? subscriptionLoader(ctx).load(alert.subscriptionId) : null;
  }
}
