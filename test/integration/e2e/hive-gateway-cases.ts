import type { GraphQLBody } from '../../support/stack';
import { FIXTURE_FROM, FIXTURE_LAST_DAY, FIXTURE_TODAY } from '../../support/graph-fixture';

// The cases of hive-gateway.test.ts: every example operation, for a viewer in scope and for
// refused ones, in the order both runtimes run them; and what may differ between the two
// databases (not between the runtimes) when their answers are compared.

export interface Case {
  operation: string;
  variables: Record<string, unknown> | ((earlier: Answers) => Record<string, unknown>);
  /** null: no Authorization header. */
  user: string | null;
  /** What this case shows, for the test's name. */
  shows: string;
}

/** What each runtime answered so far, by case index (RevokeRole takes the id AssignRole made). */
export type Answers = GraphQLBody[];

const asOf = FIXTURE_TODAY;
const records = [
  { sourceId: 't-acme-jp', licenseType: 'BASIC', date: '2026-05-01', consumed: 12 },
  { sourceId: 't-acme-jp', licenseType: 'BASIC', date: '2026-05-02', consumed: -3 },
  { sourceId: 'cl-umb-1', licenseType: 'PROFESSIONAL', date: '2026-05-01', consumed: 1 },
];
const assignment = { userId: 'u-none', role: 'READ_ONLY_ADMIN', customerId: 'c-acme' };
const report = {
  filter: { partnerId: 'p-north', from: FIXTURE_FROM, to: FIXTURE_TODAY },
  groupBy: ['REGION', 'LICENSE_TYPE'],
  granularity: 'MONTH',
};
const schedule = {
  name: 'Acme weekly',
  customerId: 'c-acme',
  groupBy: ['LICENSE_TYPE'],
  cadence: 'WEEKLY',
  recipientIds: ['u-ro-acme'],
};
const trend = { clusterId: 'cl-fra-1', from: FIXTURE_FROM, to: FIXTURE_LAST_DAY };

// In this order through both runtimes: AssignRole comes before the RevokeRole that undoes it.
export const CASES: Case[] = [
  { operation: 'Viewer', variables: {}, user: 'u-pa-north', shows: 'a viewer and its roles' },
  { operation: 'Viewer', variables: {}, user: null, shows: 'no token: UNAUTHENTICATED' },
  {
    operation: 'Viewer',
    variables: {},
    user: 'u-deleted',
    shows: 'a signed token of nobody: UNAUTHENTICATED',
  },
  {
    operation: 'SubscriptionOverview',
    variables: { customerId: 'c-acme', asOf },
    user: 'u-fa-acme',
    shows: 'a customer admin',
  },
  {
    operation: 'SubscriptionOverview',
    variables: { customerId: 'c-acme', asOf },
    user: 'u-none',
    shows: 'out of scope: null',
  },
  {
    operation: 'PartnerCustomerSubtree',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pfa-north',
    shows: 'a partner admin',
  },
  {
    operation: 'PartnerCustomerSubtree',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pfa-south',
    shows: 'another partner: null',
  },
  {
    operation: 'DedicatedInstanceUsageDetails',
    variables: { subscriptionId: 'Sub-100001', asOf },
    user: 'u-fa-acme',
    shows: 'a customer admin',
  },
  {
    operation: 'PartnerAlerts',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pfa-north',
    shows: 'a partner admin',
  },
  {
    operation: 'PartnerAlerts',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pa-north',
    shows: 'no partner analytics: FORBIDDEN beside the partner',
  },
  {
    operation: 'RegionUsage',
    variables: { customerId: 'c-acme', asOf },
    user: 'u-ro-acme',
    shows: 'a read-only admin',
  },
  {
    operation: 'Forecast',
    variables: { customerId: 'c-acme', asOf },
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
  {
    operation: 'Forecast',
    variables: { customerId: 'c-umbrella', asOf },
    user: 'u-fa-acme',
    shows: 'another partner: null',
  },
  {
    operation: 'Reclaimable',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pro-north',
    shows: 'a partner read-only admin',
  },
  {
    operation: 'Reclaimable',
    variables: { partnerId: 'p-south', asOf },
    user: 'u-pfa-north',
    shows: 'another partner: null',
  },
  {
    operation: 'UsageReport',
    variables: report,
    user: 'u-pfa-north',
    shows: 'a partner admin',
  },
  {
    operation: 'UsageReport',
    variables: report,
    user: 'u-fa-acme',
    shows: 'a customer admin asking for the partner',
  },
  {
    operation: 'UsageTrend',
    variables: { ...trend, granularity: 'WEEK' },
    user: 'u-pfa-north',
    shows: 'a partner admin',
  },
  {
    operation: 'IngestUsage',
    variables: { records },
    user: 'u-ro-acme',
    shows: 'a read-only admin: FORBIDDEN',
  },
  {
    operation: 'IngestUsage',
    variables: { records },
    user: 'u-uc-acme',
    shows: 'a collector: stored and refused records',
  },
  {
    operation: 'AssignRole',
    variables: { input: assignment },
    user: 'u-ro-acme',
    shows: 'a read-only admin: FORBIDDEN',
  },
  {
    operation: 'AssignRole',
    variables: { input: assignment },
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
  {
    operation: 'RevokeRole',
    variables: (earlier) => ({ id: assignedId(earlier) }),
    user: 'u-pfa-south',
    shows: 'another partner: FORBIDDEN',
  },
  {
    operation: 'RevokeRole',
    variables: (earlier) => ({ id: assignedId(earlier) }),
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
  {
    operation: 'CreateReportSchedule',
    variables: { input: schedule },
    user: 'u-ro-acme',
    shows: 'a read-only admin: FORBIDDEN',
  },
  {
    operation: 'CreateReportSchedule',
    variables: { input: schedule },
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
  {
    operation: 'ReportSchedules',
    variables: { customerId: 'c-acme' },
    user: 'u-ro-acme',
    shows: 'a read-only admin',
  },
  {
    operation: 'RunReportSchedule',
    variables: (earlier) => ({ id: scheduleId(earlier) }),
    user: 'u-pfa-south',
    shows: 'another partner: FORBIDDEN',
  },
  {
    // No SMTP_URL in these stacks: the delivery is recorded as FAILED, saying why.
    operation: 'RunReportSchedule',
    variables: (earlier) => ({ id: scheduleId(earlier) }),
    user: 'u-fa-acme',
    shows: 'a full admin, without an SMTP server',
  },
  {
    operation: 'DeleteReportSchedule',
    variables: (earlier) => ({ id: scheduleId(earlier) }),
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
];

function scheduleId(earlier: Answers): string {
  const created = earlier.find((body) => body.data?.createReportSchedule);
  return (created!.data!.createReportSchedule as { id: string }).id;
}

function assignedId(earlier: Answers): string {
  const assigned = earlier.find((body) => body.data?.assignRole);
  return (assigned!.data!.assignRole as { id: string }).id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * What differs between the two databases by nature, not between the runtimes: the random ids of
 * role assignments, and instants of loading the fixture or making a report. Ids and instants
 * stay in place (a missing or misplaced one still differs), only their values are set aside.
 * A list ordered by such ids (a viewer's roles) comes in another order from the other database:
 * lists of things with a random id are compared as sets. The deployed gateway also tags each
 * error with the request's id for its logs and traces (`extensions.requestId`): this process's
 * own bookkeeping, which a second runtime has not.
 */
export function comparable(answer: { status: number; body: GraphQLBody }) {
  const masked = JSON.parse(
    JSON.stringify(answer, (key, value: unknown) => {
      if (key === 'requestId') return undefined;
      if (typeof value === 'string' && UUID.test(value)) return '<uuid>';
      if (typeof value === 'string' && INSTANT.test(value)) return '<instant>';
      return value;
    }),
  ) as unknown;
  const randomlyOrdered = (list: unknown[]) =>
    list.every((item) => (item as { id?: unknown } | null)?.id === '<uuid>');
  const sortRandomlyOrdered = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const items = value.map(sortRandomlyOrdered);
      if (!randomlyOrdered(items)) return items;
      return items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    }
    if (value && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [key, sortRandomlyOrdered(inner)]),
      );
    }
    return value;
  };
  return sortRandomlyOrdered(masked);
}
