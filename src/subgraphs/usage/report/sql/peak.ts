import type { DataSource } from 'typeorm';
import { bucketStartSql } from '../../../../db/day-buckets';
import type { SqlCondition } from '../../../../db/scope-condition';
import type { ReportQuery } from '../report-query';
import { withComma } from './lists';

/**
 * Per group and bucket, the highest daily total of the group: the days of `table` that
 * `condition` selects, summed per group and day, then the largest sum of each bucket. `table` is
 * license_usage (a row per source and day) or usage_daily_totals (already summed per partner,
 * region and license type), whose `consumed` columns mean the same for the groups both keep.
 * Columns: the group columns, period, peak.
 */
export function peakSql(
  ds: DataSource,
  query: ReportQuery,
  groups: readonly string[],
  table: 'license_usage' | 'usage_daily_totals',
  condition: SqlCondition,
): SqlCondition {
  const period = bucketStartSql(ds, query.granularity, 'day');
  return {
    sql: `SELECT ${withComma(groups)}${period} AS period, MAX(total) AS peak
      FROM (SELECT ${withComma(groups)}day, SUM(consumed) AS total
            FROM ${table} WHERE ${condition.sql} AND day >= ? AND day <= ?
            GROUP BY ${withComma(groups)}day) d
      GROUP BY ${withComma(groups)}${period}`,
    params: [...condition.params, query.from, query.to],
  };
}
