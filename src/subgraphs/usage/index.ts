import type { SubgraphModule } from '../../graphql/build-subgraph-schema';
import { SourceType } from '../../db/enums';
import { alertById } from './loaders/alerts';
import { customerLoader } from './loaders/customers';
import { partnerLoader } from './loaders/partners';
import { usageSourceOfType } from './loaders/usage-sources';
import { permissions } from './permissions';
import { mountUsageCsv } from './report/csv-route';
import { CustomerResolver } from './resolvers/customer.resolver';
import { IngestUsageResolver } from './resolvers/ingest-usage.resolver';
import { PartnerResolver } from './resolvers/partner.resolver';
import { UsageReportResolver } from './resolvers/usage-report.resolver';
import { UsageSourceResolver } from './resolvers/usage-source.resolver';
import { Cluster } from './types/cluster.type';
import { Customer } from './types/customer.type';
import { Partner } from './types/partner.type';
import { Tenant } from './types/tenant.type';

/**
 * Usage (DESIGN.md: the usage subgraph): currentUsage, usage and lastReportedAt on clusters and
 * tenants, licenseSummary on customers and partners, regionUsage, alerts computed on read,
 * usageReport and the CSV export of the report (report/csv-route.ts), and the collectors'
 * ingestUsage mutation.
 *
 * Subscription.licenseSummary is resolved by the subscriptions subgraph (with the same shared
 * loader): Federation takes any object type named `Subscription` for the subscription root type,
 * so no other subgraph can contribute fields to the contract's Subscription entity. For the same
 * reason `LicenseAlert.subscription` is resolved there (types/license-alert.type.ts).
 */
export const usageSubgraph: SubgraphModule = {
  name: 'usage',
  resolvers: [
    UsageSourceResolver,
    CustomerResolver,
    PartnerResolver,
    UsageReportResolver,
    IngestUsageResolver,
  ],
  // No root field returns these entities: they exist for `_entities` alone.
  orphanedTypes: [Cluster, Tenant, Customer, Partner],
  referenceResolvers: {
    Cluster: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.CLUSTER),
    Tenant: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.TENANT),
    Customer: (ref, ctx) => customerLoader(ctx).load(ref.id),
    Partner: (ref, ctx) => partnerLoader(ctx).load(ref.id),
    LicenseAlert: (ref, ctx) => alertById(ctx, ref.id),
  },
  permissions,
  mount: mountUsageCsv,
};
