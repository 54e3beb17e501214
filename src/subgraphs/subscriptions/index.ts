import { SourceType } from '../../db/enums';
import type { SubgraphModule } from '../../graphql/build-subgraph-schema';
import { customerLoader } from './loaders/customers';
import { subscriptionLoader } from './loaders/subscriptions';
import { usageSourceOfType } from './loaders/usage-sources';
import { permissions } from './permissions';
import { ClusterResolver } from './resolvers/cluster.resolver';
import { CustomerResolver } from './resolvers/customer.resolver';
import { SubscriptionResolver } from './resolvers/subscription.resolver';
import { TenantResolver } from './resolvers/tenant.resolver';
import { UsageSourceResolver } from './resolvers/usage-source.resolver';

/**
 * Subscription, Entitlement, Tenant, Cluster, Server and `Customer.subscriptions`
 * (DESIGN.md: the subscriptions subgraph).
 */
export const subscriptionsSubgraph: SubgraphModule = {
  name: 'subscriptions',
  resolvers: [
    CustomerResolver,
    SubscriptionResolver,
    UsageSourceResolver,
    ClusterResolver,
    TenantResolver,
  ],
  referenceResolvers: {
    Customer: (ref, ctx) => customerLoader(ctx).load(ref.id),
    Subscription: (ref, ctx) => subscriptionLoader(ctx).load(ref.id),
    Cluster: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.CLUSTER),
    Tenant: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.TENANT),
  },
  permissions,
};
