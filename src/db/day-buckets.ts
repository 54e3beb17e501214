import type { DataSource } from 'typeorm';
import { isMysql } from './dialect';

/** How calendar days are grouped into buckets; the values of the contract's `Granularity`. */
export type DayBucket = 'DAY' | 'WEEK' | 'MONTH';

/**
 * A SQL expression for the first day of the bucket that `column` (a DATE) falls in: the day
 * itself, the Monday of its week, or the first of its month. Written for each dialect so that
 * buckets are grouped in SQL and come back as 'YYYY-MM-DD'.
 */
export function bucketStartSql(ds: DataSource, bucket: DayBucket, column: string): string {
  if (bucket === 'DAY') return column;
  if (isMysql(ds)) {
    return bucket === 'WEEK'
      ? `DATE_SUB(${column}, INTERVAL WEEKDAY(${column}) DAY)`
      : `DATE_SUB(${column}, INTERVAL DAYOFMONTH(${column}) - 1 DAY)`;
  }
  // strftime('%w') counts from Sunday = 0; (w + 6) % 7 is the number of days since Monday.
  return bucket === 'WEEK'
    ? `date(${column}, '-' || ((CAST(strftime('%w', ${column}) AS INTEGER) + 6) % 7) || ' days')`
    : `date(${column}, 'start of month')`;
}
