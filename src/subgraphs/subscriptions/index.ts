import { SourceType } from '../../db/enums';
import type { SubgraphModule } from '../../graphql/build-subgraph-schema';
import { customerLoader } from './loaders/customers';
import { subscriptionLoader } from './loaders/subscriptions';
import { usageSourceOfType } from './loaders/usage-sources';
import { permissions } from './permissions';
import { ClusterResolver } from './resolvers/cluster.resolver';
import { CustomerResolver } from './resolvers/customer.resolver';
import { LicenseAlertResolver } from './resolvers/license-alert.resolver';
import { SubscriptionResolver } from './resolvers/subscription.resolver';
import { TenantResolver } from './resolvers/tenant.resolver';
import { UsageSourceResolver } from './resolvers/usage-source.resolver';
import { LicenseAlert } from './types/license-alert.type';

/**
 * Subscription, Entitlement, Tenant, Cluster, Server and `Customer.subscriptions`
 * (DESIGN.md: the subscriptions subgraph), and `LicenseAlert.subscription` for the usage subgraph's
 * alerts (see types/license-alert.type.ts).
 */
export const subscriptionsSubgraph: SubgraphModule = {
  name: 'subscriptions',
  resolvers: [
    CustomerResolver,
    SubscriptionResolver,
    UsageSourceResolver,
    ClusterResolver,
    TenantResolver,
    LicenseAlertResolver,
  ],
  // No field of this subgraph returns alerts: they arrive through `_entities` alone.
  orphanedTypes: [LicenseAlert],
  referenceResolvers: {
    Customer: (ref, ctx) => customerLoader(ctx).load(ref.id),
    Subscription: (ref, ctx) => subscriptionLoader(ctx).load(ref.id),
    Cluster: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.CLUSTER),
    Tenant: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.TENANT),
    // The gateway sends the key and the required subscriptionId, as the usage subgraph gave them.
    LicenseAlert: (ref) => ref,
  },
  permissions,
};
