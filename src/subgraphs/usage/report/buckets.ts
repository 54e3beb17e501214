import type { DayBucket } from '../../../db/day-buckets';
import { epochDay, formatEpochDay } from '../../../ingest/validate/dates';

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
  if (bucket === 'WEEK') start -= (new Date(start * 86_400_000).getUTCDay() + 6) % 7;
  if (bucket === 'MONTH') start = epochDay(`${from.slice(0, 7)}-01`)!;
  while (start <= last) {
    const date = new Date(start * 86_400_000);
    const next =
      bucket === 'DAY'
        ? start + 1
        : bucket === 'WEEK'
          ? start + 7
          : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / 86_400_000;
    buckets.push({
      period: formatEpochDay(start),
      lastDay: formatEpochDay(Math.min(next - 1, last)),
    });
    start = next;
  }
  return buckets;
}
