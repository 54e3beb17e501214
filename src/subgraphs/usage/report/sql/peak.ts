import type { DataSource } from 'typeorm';
import { bucketStartSql } from '../../../../db/day-buckets';
import type { SqlCondition } from '../../../../db/sql/scope-condition';
import type { ReportQuery } from '../report-query';
import type { DailyRows } from './daily-rows';
import { selectAs, withComma } from './lists';

/**
 * Per group and bucket, the highest daily total of the group: the report's days, summed per group
 * and day, then the largest sum of each bucket. Columns: the group columns, period, peak.
 */
export function peakSql(
  ds: DataSource,
  query: ReportQuery,
  groups: readonly string[],
  daily: DailyRows,
): SqlCondition {
  const period = bucketStartSql(ds, query.granularity, 'day');
  const day = daily.column('day');
  // A group of one source and one license type has one row a day, which is its daily total:
  // summing it would only build a temporary table of every row.
  const oneRowADay = groups.includes('source_id') && groups.includes('license_type');
  const total = oneRowADay
    ? `${daily.column('consumed')} AS total`
    : `SUM(${daily.column('consumed')}) AS total`;
  const perDay = oneRowADay ? '' : `GROUP BY ${withComma(groups.map(daily.column))}${day}`;
  return {
    sql: `SELECT ${withComma(groups)}${period} AS period, MAX(total) AS peak
      FROM (SELECT ${selectAs(groups, daily.column)}${day} AS day, ${total}
            FROM ${daily.from} WHERE ${daily.where} AND ${day} >= ? AND ${day} <= ?
            ${perDay}) d
      GROUP BY ${withComma(groups)}${period}`,
    params: [...daily.params, query.from, query.to],
  };
}
