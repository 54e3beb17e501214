import type { DayBucket } from '../../../db/day-buckets';
import { epochDay, formatEpochDay, monthStart, nextMonthStart, weekStart } from '../../../days';

/**
 * The buckets that days from..to fall in: each one's first day (weeks start on Monday) and its
 * last day within the range, the day its purchased licenses are counted on.
 */
export function bucketsBetween(
  from: string,
  to: string,
  bucket: DayBucket,
): Array<{ period: string; lastDay: string }> {
  const last = epochDay(to)!;
  const buckets: Array<{ period: string; lastDay: string }> = [];
  let start = epochDay(from)!;
  if (bucket === 'WEEK') start = weekStart(start);
  if (bucket === 'MONTH') start = monthStart(start);
  while (start <= last) {
    const next =
      bucket === 'DAY' ? start + 1 : bucket === 'WEEK' ? start + 7 : nextMonthStart(start);
    buckets.push({
      period: formatEpochDay(start),
      lastDay: formatEpochDay(Math.min(next - 1, last)),
    });
    start = next;
  }
  return buckets;
}
