import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SourceType } from '../../../db/enums';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';
import type { RequestContext } from '../../../graphql/context';
import {
  subscriptionSummaryLoader,
  toLicenseSummary,
} from '../../../graphql/license-summary-loaders';
import { LicenseSummary } from '../../../graphql/license-summary.type';
import { subscriptionEntitlementsLoader } from '../loaders/entitlements';
import { subscriptionLoader } from '../loaders/subscriptions';
import { subscriptionSourcesLoader } from '../loaders/usage-sources';
import { Cluster } from '../types/cluster.type';
import { Customer } from '../types/customer.type';
import { Entitlement } from '../types/entitlement.type';
import { Subscription } from '../types/subscription.type';
import { Tenant } from '../types/tenant.type';

@Resolver(() => Subscription)
export class SubscriptionResolver {
  @Query(() => Subscription, { nullable: true })
  subscription(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Subscription | null> {
    return subscriptionLoader(ctx).load(id);
  }

  /** A reference: the organizations subgraph resolves the rest of the customer. */
  @FieldResolver(() => Customer)
  customer(@Root() subscription: Subscription): Customer {
    return { id: subscription.customerId };
  }

  @FieldResolver(() => [Entitlement])
  entitlements(
    @Root() subscription: Subscription,
    @Ctx() ctx: RequestContext,
  ): Promise<Entitlement[]> {
    return subscriptionEntitlementsLoader(ctx).load(subscription.id);
  }

  @FieldResolver(() => [Tenant], { description: 'Multi-tenant subscriptions have tenants' })
  async tenants(@Root() subscription: Subscription, @Ctx() ctx: RequestContext): Promise<Tenant[]> {
    const sources = await subscriptionSourcesLoader(ctx).load(subscription.id);
    return sources.filter((source) => source.sourceType === SourceType.TENANT);
  }

  @FieldResolver(() => [Cluster], { description: 'Dedicated Instance subscriptions have clusters' })
  async clusters(
    @Root() subscription: Subscription,
    @Ctx() ctx: RequestContext,
  ): Promise<Cluster[]> {
    const sources = await subscriptionSourcesLoader(ctx).load(subscription.id);
    return sources.filter((source) => source.sourceType === SourceType.CLUSTER);
  }

  /**
   * Resolved here rather than in the usage subgraph: Federation takes a type named
   * `Subscription` for the subscription root, so no other subgraph may add fields to it.
   */
  @FieldResolver(() => [LicenseSummary], {
    description:
      "The subscription's licenses on asOf (default today, UTC), one entry per license type",
  })
  async licenseSummary(
    @Root() subscription: Subscription,
    @Args() args: AsOfArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSummary[]> {
    const asOf = asOfDay(args, ctx);
    const rows = await subscriptionSummaryLoader(ctx, { asOf }).load(subscription.id);
    return rows.map((row) => toLicenseSummary(row, asOf));
  }
}
