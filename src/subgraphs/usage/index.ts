import type { SubgraphModule } from '../../graphql/build-subgraph-schema';
import { SourceType } from '../../db/enums';
import {
  customerLoader,
  partnerLoader,
  readableSubscriptionLoader,
} from '../../graphql/visible-loaders';
import { usageSourceOfType } from './loaders/usage-sources';
import { permissions } from './permissions';
import { mountUsageCsv } from './report/csv-route';
import { CustomerResolver } from './resolvers/customer.resolver';
import { IngestUsageResolver } from './resolvers/ingest-usage.resolver';
import { LicenseSubscriptionResolver } from './resolvers/license-subscription.resolver';
import { PartnerResolver } from './resolvers/partner.resolver';
import { UsageReportResolver } from './resolvers/usage-report.resolver';
import { UsageSourceResolver } from './resolvers/usage-source.resolver';
import { ReportScheduleResolver } from './schedules/api/report-schedule.resolver';
import { ScheduleMutationsResolver } from './schedules/api/schedule-mutations.resolver';
import { UserRef } from './schedules/api/report-schedule.type';
import { userRefLoader } from './schedules/api/user-loader';
import { Cluster } from './types/cluster.type';
import { Customer } from './types/customer.type';
import { LicenseSubscription } from './types/license-subscription.type';
import { Partner } from './types/partner.type';
import { Tenant } from './types/tenant.type';

/**
 * Usage (docs/architecture.md: the usage subgraph): currentUsage, usage and lastReportedAt on
 * clusters and tenants, licenseSummary on subscriptions, customers and partners, regionUsage,
 * alerts computed on read, usageReport and the CSV export of the report (report/csv-route.ts), and
 * the collectors' ingestUsage mutation, and scheduled report e-mails (schedules/: the API in
 * schedules/api/, the deliveries the worker makes in schedules/). The entities it extends are resolved by id through the
 * viewer's scope: out of scope is null, as in the subgraph that owns them. Their usage fields are
 * nullable (docs/architecture.md, Conventions), so that an outage of this subgraph leaves the rest
 * of an answer intact; LicenseSubscription.licenseSummary is the exception the contract makes
 * (non-null there).
 */
export const usageSubgraph: SubgraphModule = {
  name: 'usage',
  resolvers: [
    UsageSourceResolver,
    LicenseSubscriptionResolver,
    CustomerResolver,
    PartnerResolver,
    UsageReportResolver,
    IngestUsageResolver,
    ReportScheduleResolver,
    ScheduleMutationsResolver,
  ],
  // No root field returns these entities: they exist for `_entities` alone.
  orphanedTypes: [Cluster, Tenant, LicenseSubscription, Customer, Partner, UserRef],
  referenceResolvers: {
    Cluster: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.CLUSTER),
    Tenant: (ref, ctx) => usageSourceOfType(ctx, ref.id, SourceType.TENANT),
    LicenseSubscription: (ref, ctx) => readableSubscriptionLoader(ctx).load(ref.id),
    Customer: (ref, ctx) => customerLoader(ctx).load(ref.id),
    Partner: (ref, ctx) => partnerLoader(ctx).load(ref.id),
    User: (ref, ctx) => userRefLoader(ctx).load(ref.id),
  },
  permissions,
  mount: mountUsageCsv,
};
