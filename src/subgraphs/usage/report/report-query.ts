import type { DataSource } from 'typeorm';
import type { DayBucket } from '../../../db/day-buckets';
import type { LicenseType } from '../../../db/enums';
import { licenseTypeOrderSql } from '../../../db/queries/license-type-order';
import type { Grant, SqlCondition } from '../../../db/sql/scope-condition';
import { UsageDimension } from '../../../graphql/enums';
import { consumedByDaySql, consumedFromBucketsSql } from './sql/consumed';
import { dailyRowsOf } from './sql/daily-rows';
import { joinOn, withComma } from './sql/lists';
import { peakSql } from './sql/peak';
import { purchasedSql } from './sql/purchased';

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

/**
 * The report as one statement: per group and bucket, consumed (the last reported value in the
 * bucket of each source and license type, summed over the group), peak (the highest daily total
 * of the group) and, when the grouping determines it, purchased (entitlements in force on the
 * bucket's last day within the range). Nothing is aggregated outside SQL.
 *
 * Where it can, it reads the rollups (db/rollups) rather than every daily row: weeks and months
 * take consumed from each source's kept last value; reports of whole partners by region and
 * license type take daily totals, and so peaks, from the partner's totals. Everything else reads
 * license_usage, source by source (sql/daily-rows.ts).
 *
 * Columns: period, the group columns, consumed, peak, purchased; ordered by period, then the group
 * columns (license types in the contract's order).
 */
export function reportSql(ds: DataSource, query: ReportQuery): SqlCondition {
  const groups = groupColumns(query.groupBy);
  const daily = dailyRowsOf(ds, query);
  const consumed =
    query.granularity === 'DAY'
      ? consumedByDaySql(query, groups, daily)
      : consumedFromBucketsSql(ds, query, groups);
  const peak = peakSql(ds, query, groups, daily);
  const params = [...consumed.params, ...peak.params];
  let purchasedColumn = 'NULL AS purchased';
  let purchasedJoin = '';
  if (determinesPurchased(query)) {
    const purchased = purchasedSql(query, groups);
    purchasedJoin = `LEFT JOIN (${purchased.sql}) e ON ${joinOn(groups, 'e', 'c')}`;
    purchasedColumn = 'COALESCE(e.purchased, 0) AS purchased';
    params.push(...purchased.params);
  }
  const order = groups.map((c) =>
    c === 'license_type' ? licenseTypeOrderSql('c.license_type') : `c.${c}`,
  );
  return {
    sql: `SELECT c.period, ${withComma(groups, 'c.')}c.consumed, p.peak, ${purchasedColumn}
          FROM (${consumed.sql}) c
          JOIN (${peak.sql}) p ON ${joinOn(groups, 'p', 'c')}
          ${purchasedJoin}
          ORDER BY ${['c.period', ...order].join(', ')}`,
    params,
  };
}
