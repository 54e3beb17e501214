import { age, daysAgo } from '../format';

// How old a number is: the oldest report that went into it. Reports older than three days (the
// API's STALE_DATA threshold) are marked, in words and not by colour alone.

const STALE_AFTER_DAYS = 3;

export function DataAge({ oldest, asOf }: { oldest?: string | null; asOf?: string | null }) {
  if (oldest === undefined && !asOf) return null;
  if (oldest === null || (oldest === undefined && !asOf)) {
    return <span class="age stale">no report</span>;
  }
  const day = oldest ?? asOf!;
  const stale = daysAgo(day) > STALE_AFTER_DAYS;
  return (
    <span class={stale ? 'age stale' : 'age'}>
      {age(day)}
      {stale ? ' — stale' : ''}
    </span>
  );
}
