// Calendar days as 'YYYY-MM-DD' strings in UTC, the form every table stores.

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** Throws a clear error unless `day` is a real calendar day written YYYY-MM-DD. */
export function checkDay(day: string, what: string): string {
  const time = toTime(day);
  if (
    !DAY_PATTERN.test(day) ||
    Number.isNaN(time) ||
    new Date(time).toISOString().slice(0, 10) !== day
  ) {
    throw new Error(`${what} must be a calendar day written YYYY-MM-DD, got "${day}"`);
  }
  return day;
}

export function addDays(day: string, days: number): string {
  return new Date(toTime(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

export function isWeekend(day: string): boolean {
  const weekday = new Date(toTime(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Midnight UTC at the start of the day, as an instant. */
export function startOfDay(day: string): Date {
  return new Date(toTime(day));
}
