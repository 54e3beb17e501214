import { and, rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { RequestContext } from '../../graphql/context';
import { forbidden } from '../../graphql/errors';
import { allowAll, isAuthenticated } from '../../graphql/rules';

/**
 * Partner analytics need a partner-scoped full or read-only admin on this very partner. The
 * partner itself is visible to more viewers (those reading one of its customers), so this says
 * FORBIDDEN rather than pretending the partner does not exist.
 */
const hasPartnerAnalytics = rule('hasPartnerAnalytics', { cache: 'strict' })(
  (partner: { id: string }, _args, ctx: RequestContext) =>
    ctx.viewer?.scope.analytics.partnerIds.has(partner.id)
      ? true
      : forbidden('Partner analytics need a partner full or read-only admin role on this partner'),
);

/**
 * Only collectors ingest. A viewer without any collector role is refused as a whole (FORBIDDEN:
 * it depends on its roles alone, so it tells nothing about any id); a collector's records for
 * sources outside its scope are rejected one by one (UNKNOWN_SOURCE, as if they did not exist).
 */
const isCollector = rule('isCollector', { cache: 'contextual' })(
  (_parent, _args, ctx: RequestContext) =>
    ctx.viewer && !ctx.viewer.scope.isEmpty('ingest')
      ? true
      : forbidden('Only a usage collector (USAGE_COLLECTOR role) may ingest usage'),
);

// Entities arrive through `_entities`, whose reference resolvers cut them to the viewer's scope in
// SQL, so the fields below them are open; usageReport cuts its rows to the scope in SQL too.
// Anything not named here is denied.
export const permissions: IRules = {
  // Schedules are cut to the viewer's scope in SQL; the mutations check the schedule's scope
  // (Scope 'scheduleReports') once they know it, and refuse alike when it does not exist.
  Query: { usageReport: isAuthenticated, reportSchedules: isAuthenticated },
  Mutation: {
    ingestUsage: and(isAuthenticated, isCollector),
    createReportSchedule: isAuthenticated,
    deleteReportSchedule: isAuthenticated,
    runReportSchedule: isAuthenticated,
  },
  IngestUsagePayload: allowAll,
  UsageRecordError: allowAll,
  Cluster: allowAll,
  Tenant: allowAll,
  LicenseSubscription: allowAll,
  Customer: allowAll,
  Partner: { id: allowAll, licenseSummary: hasPartnerAnalytics, alerts: hasPartnerAnalytics },
  UsageSnapshot: allowAll,
  UsagePoint: allowAll,
  LicenseSummary: allowAll,
  RegionUsage: allowAll,
  LicenseAlert: allowAll,
  LicenseForecast: allowAll,
  ReclaimableLicenses: allowAll,
  UsageReport: allowAll,
  UsageReportRow: allowAll,
  ReportSchedule: allowAll,
  ScheduledReportFilter: allowAll,
  ReportDelivery: allowAll,
  User: allowAll,
};
