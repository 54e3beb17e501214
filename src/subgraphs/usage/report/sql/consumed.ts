import { bucketStart } from '../../../../db/rollups/bucket-start';
import { RollupBucket } from '../../../../db/rollups/usage-bucket-last.entity';
import type { SqlCondition } from '../../../../db/scope-condition';
import { addDays } from '../../../../ingest/seed/days';
import type { ReportQuery } from '../report-query';
import { filterCondition } from './filter';
import { withComma } from './lists';

// Consumed, per group and bucket: the sum over the group of each source's last value in the
// bucket (within the report's range). Both return the group columns, period and consumed.

/** For DAY buckets a source's last value of the day is its value: the group's daily total. */
export function consumedByDaySql(
  groups: readonly string[],
  table: 'license_usage' | 'usage_daily_totals',
  condition: SqlCondition,
  query: ReportQuery,
): SqlCondition {
  return {
    sql: `SELECT ${withComma(groups)}day AS period, SUM(consumed) AS consumed
      FROM ${table} WHERE ${condition.sql} AND day >= ? AND day <= ?
      GROUP BY ${withComma(groups)}day`,
    params: [...condition.params, query.from, query.to],
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
  query: ReportQuery,
  groups: readonly string[],
): SqlCondition {
  const bucket = query.granularity === 'WEEK' ? RollupBucket.WEEK : RollupBucket.MONTH;
  const where = filterCondition(query, { withRegion: true, prefix: 'b.' });
  const firstPeriod = bucketStart(query.from, bucket);
  const lastPeriod = bucketStart(query.to, bucket);
  const columns = withComma(groups, 'b.');
  let sql = `SELECT ${columns}b.period, b.consumed FROM usage_bucket_last b
    WHERE b.bucket = ? AND ${where.sql} AND b.period >= ? AND b.period <= ?
      AND b.last_day >= ? AND b.last_day <= ?`;
  const params: unknown[] = [
    bucket,
    ...where.params,
    firstPeriod,
    lastPeriod,
    query.from,
    query.to,
  ];
  if (bucketStart(addDays(query.to, 1), bucket) === lastPeriod) {
    const cutFrom = query.from > lastPeriod ? query.from : lastPeriod;
    sql += ` UNION ALL
      SELECT ${columns}b.period,
             (SELECT u.consumed FROM license_usage u
              WHERE u.source_id = b.source_id AND u.license_type = b.license_type
                AND u.day >= ? AND u.day <= ?
              ORDER BY u.day DESC LIMIT 1) AS consumed
      FROM usage_bucket_last b
      WHERE b.bucket = ? AND ${where.sql} AND b.period = ? AND b.last_day > ?`;
    params.push(cutFrom, query.to, bucket, ...where.params, lastPeriod, query.to);
  }
  return {
    sql: `SELECT ${withComma(groups)}period, SUM(consumed) AS consumed
      FROM (${sql}) x WHERE consumed IS NOT NULL
      GROUP BY ${withComma(groups)}period`,
    params,
  };
}
