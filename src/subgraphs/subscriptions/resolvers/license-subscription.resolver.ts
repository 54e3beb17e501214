import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SourceType } from '../../../db/enums';
import type { RequestContext } from '../../../graphql/context';
import { subscriptionEntitlementsLoader } from '../loaders/entitlements';
import { subscriptionLoader } from '../loaders/subscriptions';
import { subscriptionSourcesLoader } from '../loaders/usage-sources';
import { Cluster } from '../types/cluster.type';
import { Customer } from '../types/customer.type';
import { Entitlement } from '../types/entitlement.type';
import { LicenseSubscription } from '../types/license-subscription.type';
import { Tenant } from '../types/tenant.type';

@Resolver(() => LicenseSubscription)
export class LicenseSubscriptionResolver {
  @Query(() => LicenseSubscription, { nullable: true })
  subscription(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSubscription | null> {
    return subscriptionLoader(ctx).load(id);
  }

  /** A reference: the organizations subgraph resolves the rest of the customer. */
  @FieldResolver(() => Customer)
  customer(@Root() subscription: LicenseSubscription): Customer {
    return { id: subscription.customerId };
  }

  @FieldResolver(() => [Entitlement])
  entitlements(
    @Root() subscription: LicenseSubscription,
    @Ctx() ctx: RequestContext,
  ): Promise<Entitlement[]> {
    return subscriptionEntitlementsLoader(ctx).load(subscription.id);
  }

  @FieldResolver(() => [Tenant], { description: 'Multi-tenant subscriptions have tenants' })
  async tenants(
    @Root() subscription: LicenseSubscription,
    @Ctx() ctx: RequestContext,
  ): Promise<Tenant[]> {
    const sources = await subscriptionSourcesLoader(ctx).load(subscription.id);
    return sources.filter((source) => source.sourceType === SourceType.TENANT);
  }

  @FieldResolver(() => [Cluster], { description: 'Dedicated Instance subscriptions have clusters' })
  async clusters(
    @Root() subscription: LicenseSubscription,
    @Ctx() ctx: RequestContext,
  ): Promise<Cluster[]> {
    const sources = await subscriptionSourcesLoader(ctx).load(subscription.id);
    return sources.filter((source) => source.sourceType === SourceType.CLUSTER);
  }
}
