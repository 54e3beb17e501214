import type { DataSource } from 'typeorm';
import { bucketStart } from '../../../../db/rollups/bucket-start';
import { RollupBucket } from '../../../../db/rollups/usage-bucket-last.entity';
import type { SqlCondition } from '../../../../db/sql/scope-condition';
import { addDays } from '../../../../days';
import type { ReportQuery } from '../report-query';
import { fromSourcesFirst } from './sources-first';
import type { DailyRows } from './daily-rows';
import { selectAs, withComma } from './lists';

// Consumed, per group and bucket: the sum over the group of each source's last value in the
// bucket (within the report's range). Both return the group columns, period and consumed.

/** For DAY buckets a source's last value of the day is its value: the group's daily total. */
export function consumedByDaySql(
  query: ReportQuery,
  groups: readonly string[],
  daily: DailyRows,
): SqlCondition {
  const day = daily.column('day');
  return {
    sql: `SELECT ${selectAs(groups, daily.column)}${day} AS period,
                 SUM(${daily.column('consumed')}) AS consumed
      FROM ${daily.from} WHERE ${daily.where} AND ${day} >= ? AND ${day} <= ?
      GROUP BY ${withComma(groups.map(daily.column))}${day}`,
    params: [...daily.params, query.from, query.to],
  };
}

/**
 * For WEEK and MONTH buckets, from usage_bucket_last: each source's last value of each whole
 * bucket. A source whose last day in the first bucket comes before `from` has no value in the
 * range there. Only the last bucket, when `to` cuts it short, can hold sources whose kept last day
 * lies after `to`: their last value on or before `to` comes from license_usage, one primary-key
 * seek each.
 */
export function consumedFromBucketsSql(
  ds: DataSource,
  query: ReportQuery,
  groups: readonly string[],
): SqlCondition {
  const bucket = query.granularity === 'WEEK' ? RollupBucket.WEEK : RollupBucket.MONTH;
  const firstPeriod = bucketStart(query.from, bucket);
  const lastPeriod = bucketStart(query.to, bucket);
  const columns = withComma(groups, 'b.');
  const whole = fromSourcesFirst(ds, query, 'usage_bucket_last', 'b');
  let sql = `SELECT ${columns}b.period, b.consumed FROM ${whole.from}
    WHERE ${whole.where} AND b.bucket = ? AND b.period >= ? AND b.period <= ?
      AND b.last_day >= ? AND b.last_day <= ?`;
  const params: unknown[] = [
    ...whole.params,
    bucket,
    firstPeriod,
    lastPeriod,
    query.from,
    query.to,
  ];
  if (bucketStart(addDays(query.to, 1), bucket) === lastPeriod) {
    const cutFrom = query.from > lastPeriod ? query.from : lastPeriod;
    const cut = fromSourcesFirst(ds, query, 'usage_bucket_last', 'b');
    sql += ` UNION ALL
      SELECT ${columns}b.period,
             (SELECT u.consumed FROM license_usage u
              WHERE u.source_id = b.source_id AND u.license_type = b.license_type
                AND u.day >= ? AND u.day <= ?
              ORDER BY u.day DESC LIMIT 1) AS consumed
      FROM ${cut.from}
      WHERE ${cut.where} AND b.bucket = ? AND b.period = ? AND b.last_day > ?`;
    params.push(cutFrom, query.to, ...cut.params, bucket, lastPeriod, query.to);
  }
  return {
    sql: `SELECT ${withComma(groups)}period, SUM(consumed) AS consumed
      FROM (${sql}) x WHERE consumed IS NOT NULL
      GROUP BY ${withComma(groups)}period`,
    params,
  };
}
