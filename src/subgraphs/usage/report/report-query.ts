import type { DataSource } from 'typeorm';
import { isMysql } from '../../../db/data-source';
import { bucketStartSql } from '../../../db/day-buckets';
import type { DayBucket } from '../../../db/day-buckets';
import type { LicenseType } from '../../../db/enums';
import { licenseTypeOrderSql } from '../../../db/queries/license-type-order';
import { inList, scopeCondition } from '../../../db/scope-condition';
import type { Grant, SqlCondition } from '../../../db/scope-condition';
import { UsageDimension } from '../../../graphql/enums';
import { bucketsBetween } from './buckets';

export interface ReportQuery {
  grant: Grant;
  partnerId: string | null;
  /** Sorted and distinct, or null: no condition. */
  customerIds: string[] | null;
  subscriptionIds: string[] | null;
  regions: string[] | null;
  licenseTypes: LicenseType[] | null;
  from: string;
  to: string;
  /** Distinct, in the enum's order. */
  groupBy: UsageDimension[];
  granularity: DayBucket;
}

/** Columns of license_usage in the rows' order; a dimension sets itself and what it determines. */
const COLUMNS = ['customer_id', 'subscription_id', 'region', 'source_id', 'license_type'] as const;
const DETERMINES: Record<UsageDimension, readonly (typeof COLUMNS)[number][]> = {
  CUSTOMER: ['customer_id'],
  SUBSCRIPTION: ['subscription_id', 'customer_id'],
  REGION: ['region'],
  SOURCE: ['source_id', 'subscription_id', 'customer_id', 'region'],
  LICENSE_TYPE: ['license_type'],
};

export function groupColumns(groupBy: readonly UsageDimension[]): string[] {
  const wanted = new Set(groupBy.flatMap((d) => DETERMINES[d]));
  return COLUMNS.filter((column) => wanted.has(column));
}

/** Purchased is a sum of entitlements: known per subscription and license type, or coarser. */
export function determinesPurchased(query: ReportQuery): boolean {
  const dims = new Set(query.groupBy);
  return (
    dims.has(UsageDimension.LICENSE_TYPE) &&
    !dims.has(UsageDimension.REGION) &&
    !dims.has(UsageDimension.SOURCE) &&
    query.regions === null
  );
}

/** The filter as a condition on the columns of license_usage, or of entitlements (`ent.`). */
function filterCondition(query: ReportQuery, withRegion: boolean, prefix = ''): SqlCondition {
  const scope = scopeCondition(query.grant, {
    customerId: `${prefix}customer_id`,
    partnerId: `${prefix}partner_id`,
  });
  const parts = [scope.sql];
  const params: unknown[] = [...scope.params];
  const add = (column: string, values: readonly unknown[] | null) => {
    if (values === null) return;
    parts.push(`${prefix}${column} IN ${inList(values)}`);
    params.push(...values);
  };
  add('partner_id', query.partnerId === null ? null : [query.partnerId]);
  add('customer_id', query.customerIds);
  add('subscription_id', query.subscriptionIds);
  if (withRegion) add('region', query.regions);
  add('license_type', query.licenseTypes);
  return { sql: parts.join(' AND '), params };
}

const PACK = 4294967296;

/** A day as a whole number that grows with it. */
function dayNumberSql(ds: DataSource, column: string): string {
  return isMysql(ds) ? `TO_DAYS(${column})` : `CAST(julianday(${column}) AS INTEGER)`;
}

const list = (columns: readonly string[], prefix = '') =>
  columns.map((c) => `${prefix}${c}`).join(', ');
const joinOn = (columns: readonly string[], a: string, b: string) =>
  ['period', ...columns].map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');
const withComma = (columns: readonly string[], prefix = '') =>
  columns.length > 0 ? `${list(columns, prefix)}, ` : '';

/**
 * The report as one statement: per group and bucket, consumed (the last reported value in the
 * bucket of each source and license type, summed over the group), peak (the highest daily total
 * of the group) and, when the grouping determines it, purchased (entitlements in force on the
 * bucket's last day within the range). The days are read twice, once per measure, each pass a
 * range over (partner or customer, day) and GROUP BY; nothing is aggregated outside SQL.
 * Columns: period, the group columns, consumed, peak, purchased; ordered by period, then the
 * group columns (license types in the contract's order).
 */
export function reportSql(ds: DataSource, query: ReportQuery): SqlCondition {
  const groups = groupColumns(query.groupBy);
  const where = filterCondition(query, true);
  const range = `${where.sql} AND day >= ? AND day <= ?`;
  const rangeParams = [...where.params, query.from, query.to];
  const period = (column: string) => bucketStartSql(ds, query.granularity, column);
  // Each source's last value in the bucket without joining back: the day number and the value
  // packed into one integer, whose MAX is the last day's (consumed is below 2^32).
  const series = [...new Set([...groups, 'source_id', 'license_type'])];
  const packed = `${dayNumberSql(ds, 'day')} * ${PACK} + consumed`;
  const consumed = `SELECT ${withComma(groups)}period, SUM(last_packed % ${PACK}) AS consumed
    FROM (SELECT ${withComma(series)}${period('day')} AS period, MAX(${packed}) AS last_packed
          FROM license_usage WHERE ${range}
          GROUP BY ${withComma(series)}${period('day')}) l
    GROUP BY ${withComma(groups)}period`;
  const peak = `SELECT ${withComma(groups)}${period('day')} AS period, MAX(total) AS peak
    FROM (SELECT ${withComma(groups)}day, SUM(consumed) AS total
          FROM license_usage WHERE ${range}
          GROUP BY ${withComma(groups)}day) d
    GROUP BY ${withComma(groups)}${period('day')}`;
  const params = [...rangeParams, ...rangeParams];
  let purchasedColumn = 'NULL AS purchased';
  let purchasedJoin = '';
  if (determinesPurchased(query)) {
    const buckets = bucketsBetween(query.from, query.to, query.granularity);
    const days = buckets.map(() => 'SELECT ? AS period, ? AS as_of').join(' UNION ALL ');
    const entitlementWhere = filterCondition(query, false, 'ent.');
    purchasedJoin = `LEFT JOIN (
      SELECT ${withComma(groups, 'ent.')}b.period, SUM(ent.quantity) AS purchased
      FROM (${days}) b
      JOIN (SELECT e.subscription_id, e.customer_id, sb.partner_id, e.license_type, e.quantity,
                   e.start_date, e.end_date
            FROM entitlements e JOIN subscriptions sb ON sb.id = e.subscription_id) ent
        ON ent.start_date <= b.as_of AND (ent.end_date IS NULL OR ent.end_date >= b.as_of)
      WHERE ${entitlementWhere.sql}
      GROUP BY ${withComma(groups, 'ent.')}b.period) e ON ${joinOn(groups, 'e', 'c')}`;
    purchasedColumn = 'COALESCE(e.purchased, 0) AS purchased';
    params.push(...buckets.flatMap((b) => [b.period, b.lastDay]), ...entitlementWhere.params);
  }
  const order = groups.map((c) =>
    c === 'license_type' ? licenseTypeOrderSql('c.license_type') : `c.${c}`,
  );
  return {
    sql: `SELECT c.period, ${withComma(groups, 'c.')}c.consumed, p.peak, ${purchasedColumn}
          FROM (${consumed}) c
          JOIN (${peak}) p ON ${joinOn(groups, 'p', 'c')}
          ${purchasedJoin}
          ORDER BY ${['c.period', ...order].join(', ')}`,
    params,
  };
}
