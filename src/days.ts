// Calendar days, the one module for them: 'YYYY-MM-DD' in UTC, strictly (2026-1-5 and 2026-02-30
// are refused), the form the contract writes and every table stores. Days are also handled as
// numbers (days since 1970-01-01) where they are compared, counted or packed into keys. Nothing
// here reads a clock except todayUtc and utcEpochDay, which take the instant they are given.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** MySQL's DATE holds years 1000 to 9999. */
const MIN_YEAR = 1000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Year, month and day of a strict 'YYYY-MM-DD' that names a day of the calendar, any year. */
function parts(value: string): [number, number, number] | undefined {
  const match = DAY_PATTERN.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return [year, month, day];
}

/**
 * True for 'YYYY-MM-DD' naming a real calendar day of any year: what the `Date` scalar accepts.
 * Whether a year can be stored is the business of whatever takes the day further (epochDay).
 */
export function isDay(value: string): boolean {
  return parts(value) !== undefined;
}

/** Days since 1970-01-01 of a strict 'YYYY-MM-DD' that exists and can be stored, or undefined. */
export function epochDay(value: string): number | undefined {
  const day = parts(value);
  if (day === undefined || day[0] < MIN_YEAR) return undefined;
  return Date.UTC(day[0], day[1] - 1, day[2]) / MS_PER_DAY;
}

export function formatEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Why `value` is not a calendar day, or undefined when it is one. */
export function dayProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a date written YYYY-MM-DD';
  if (epochDay(value) !== undefined) return undefined;
  if (!DAY_PATTERN.test(value)) return `"${value.slice(0, 40)}" is not a date written YYYY-MM-DD`;
  return `"${value}" is not a day of the calendar`;
}

/** Throws a clear error unless `day` is a real calendar day written YYYY-MM-DD. */
export function checkDay(day: string, what: string): string {
  if (epochDay(day) === undefined) {
    throw new Error(`${what} must be a calendar day written YYYY-MM-DD, got "${day}"`);
  }
  return day;
}

/** The UTC day of an instant, as a number. */
export function utcEpochDay(at: Date): number {
  return Math.floor(at.getTime() / MS_PER_DAY);
}

/** The UTC calendar day of `now`. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Midnight UTC at the start of the day, as an instant. */
export function startOfDay(day: string): Date {
  return new Date(epochDay(day)! * MS_PER_DAY);
}

export function addDays(day: string, days: number): string {
  return formatEpochDay(epochDay(day)! + days);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to)! - epochDay(from)!;
}

export function isWeekend(day: string): boolean {
  const weekday = new Date(startOfDay(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** The Monday of the week `day` falls in (1970-01-01 was a Thursday). */
export function weekStart(day: number): number {
  return day - ((day + 3) % 7);
}

/** The first day of the month `day` falls in. */
export function monthStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}

/** The first day of the month after the one `day` falls in. */
export function nextMonthStart(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) / MS_PER_DAY;
}
