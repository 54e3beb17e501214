import { epochDay, formatEpochDay, weekStart } from '../../days';
import { RollupBucket } from './usage-bucket-last.entity';

// The same buckets as bucketStartSql (db/day-buckets.ts) computes in SQL, for rows the writer
// holds in memory. A write touches few distinct days, so each day's answer is kept.

function compute(day: string, bucket: RollupBucket): string {
  if (bucket === RollupBucket.MONTH) return `${day.slice(0, 7)}-01`;
  return formatEpochDay(weekStart(epochDay(day)!));
}

/** Per day: its week's and its month's first day. */
const starts = new Map<string, [string, string]>();

/** The first day of the week (Monday) or month that `day` ('YYYY-MM-DD') falls in. */
export function bucketStart(day: string, bucket: RollupBucket): string {
  let both = starts.get(day);
  if (both === undefined) {
    both = [compute(day, RollupBucket.WEEK), compute(day, RollupBucket.MONTH)];
    if (starts.size > 100_000) starts.clear();
    starts.set(day, both);
  }
  return bucket === RollupBucket.WEEK ? both[0] : both[1];
}
