import { LICENSE_TYPES } from '../../db/enums';
import { epochDay } from '../../days';
import { MAX_REPORT_ROWS } from '../../graphql/report-limits';

// How many elements the cost expects a list field to return (README, Security: limits). A
// connection's `nodes` and `edges` hold `first` rows; a usage series one point per bucket and
// license type; a usage report its estimated rows; the other lists are short, and count by their
// largest expected size. Where an estimate can be wrong, a hard cap stands behind it: the report's
// row cap, the series point cap (MAX_USAGE_POINTS) and the response size (MAX_RESPONSE_BYTES).

type Args = Record<string, unknown>;

/** Regions are free text: a report grouped by region counts this many unless filtered. */
export const EXPECTED_REGIONS = 10;

/** Short lists by field name: their largest expected size. */
const SHORT_LISTS: Record<string, number> = {
  licenseSummary: LICENSE_TYPES.length,
  currentUsage: LICENSE_TYPES.length,
  regionUsage: EXPECTED_REGIONS * LICENSE_TYPES.length,
  entitlements: 2 * LICENSE_TYPES.length,
  subscriptions: 5,
  clusters: 5,
  tenants: 5,
  servers: 6,
  roles: 10,
  roleAssignments: 20,
  alerts: 100,
};
/**
 * Lists of a type of which one object only ever fills one: a subscription runs on clusters
 * (Dedicated Instance) or on tenants (multi-tenant), never on both, so a selection of both costs
 * the larger of the two, not their sum (issue 14: the partner subtree at first = 500 was refused
 * for counting five clusters and five tenants under each of five subscriptions). Aliases of one
 * field still add up.
 */
export const EXCLUSIVE_LISTS: Record<string, readonly string[]> = {
  LicenseSubscription: ['clusters', 'tenants'],
};

/** Any list not named above. */
const OTHER_LIST = 10;

const count = (value: unknown): number | undefined =>
  Array.isArray(value) ? value.length : undefined;

function dayRange(from: unknown, to: unknown): [number, number] | undefined {
  const first = typeof from === 'string' ? epochDay(from) : undefined;
  const last = typeof to === 'string' ? epochDay(to) : undefined;
  if (first === undefined || last === undefined || last < first) return undefined;
  return [first, last];
}

/** Buckets of a range: the days, weeks (from Monday) or calendar months it touches; 1 if invalid. */
export function bucketCount(from: unknown, to: unknown, granularity: unknown): number {
  const range = dayRange(from, to);
  if (range === undefined) return 1;
  const [first, last] = range;
  if (granularity === 'WEEK') {
    // Day 0 (1970-01-01) was a Thursday: 3 days after a Monday.
    const monday = first - ((first + 3) % 7);
    return Math.floor((last - monday) / 7) + 1;
  }
  if (granularity === 'MONTH') {
    const [y1, m1] = String(from).split('-').map(Number);
    const [y2, m2] = String(to).split('-').map(Number);
    return (y2 - y1) * 12 + (m2 - m1) + 1;
  }
  return last - first + 1;
}

/** A usage series: buckets × license types, per source. */
export function seriesPoints(args: Args): number {
  const types = count(args.licenseTypes) ?? LICENSE_TYPES.length;
  return bucketCount(args.from, args.to, args.granularity ?? 'DAY') * types;
}

/**
 * A usage report's rows: buckets × the size of each grouped dimension, at most the report's row
 * cap. A dimension the filter does not narrow counts as large as that cap (customers, subscriptions
 * and sources of a partner), or EXPECTED_REGIONS and every license type.
 */
export function reportRows(args: Args): number {
  const filter = (args.filter ?? {}) as Args;
  const groupBy = Array.isArray(args.groupBy) ? args.groupBy : [];
  const sizes: Record<string, number> = {
    CUSTOMER: count(filter.customerIds) ?? MAX_REPORT_ROWS,
    SUBSCRIPTION: count(filter.subscriptionIds) ?? MAX_REPORT_ROWS,
    SOURCE: MAX_REPORT_ROWS,
    REGION: count(filter.regions) ?? EXPECTED_REGIONS,
    LICENSE_TYPE: count(filter.licenseTypes) ?? LICENSE_TYPES.length,
  };
  let rows = bucketCount(filter.from, filter.to, args.granularity ?? 'MONTH');
  for (const dimension of new Set(groupBy)) rows *= sizes[String(dimension)] ?? 1;
  return Math.min(rows, MAX_REPORT_ROWS);
}

/**
 * What a field hands down to the lists directly below it: a connection its `first`, a report its
 * rows, an ingestion its records (for `rejected`). Undefined when it hands down nothing.
 */
export function sizeForChildLists(fieldName: string, args: Args): number | undefined {
  if (typeof args.first === 'number') return Math.max(args.first, 0);
  if (fieldName === 'usageReport') return reportRows(args);
  if (fieldName === 'ingestUsage') return count(args.records);
  return undefined;
}

/** The expected length of a list field, given what its parent handed down. */
export function listSize(fieldName: string, args: Args, handedDown: number | undefined): number {
  if (fieldName === 'usage') return seriesPoints(args);
  if (handedDown !== undefined) return handedDown;
  return SHORT_LISTS[fieldName] ?? OTHER_LIST;
}
