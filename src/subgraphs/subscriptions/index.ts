import { SourceType } from '../../db/enums';
import type { SubgraphModule } from '../../graphql/build-subgraph-schema';
import { customerLoader } from '../../graphql/visible-loaders';
import { subscriptionLoader } from './loaders/subscriptions';
import { usageSourceOfType } from './loaders/usage-sources';
import { permissions } from './permissions';
import { ClusterResolver } from './resolvers/cluster.resolver';
import { CustomerResolver } from './resolvers/customer.resolver';
import { LicenseSubscriptionResolver } from './resolvers/license-subscription.resolver';
import { TenantResolver } from './resolvers/tenant.resolver';
import { UsageSourceResolver } from './resolvers/usage-source.resolver';

/**
 * LicenseSubscription, Entitlement, Tenant, Cluster, Server and `Customer.subscriptions`
 * (docs/architecture.md: the subscriptions subgraph). Usage numbers on these entities are the
 * usage subgraph's.
 */
export const subscriptionsSubgraph: SubgraphModule = {
  name: 'subscriptions',
  resolvers: [
    CustomerResolver,
    LicenseSubscriptionResolver,
    UsageSourceResolver,
    ClusterResolver,
    TenantResolver,
  ],
  referenceResolvers: {
    Customer: (ref, ctx) => customerLoader(ctx).load(ref.id),
    LicenseSubscription: (ref, ctx) => subscriptionLoader(ctx).load(ref.id),
    Cluster: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.CLUSTER),
    Tenant: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.TENANT),
  },
  permissions,
};
