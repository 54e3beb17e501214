// Calendar days as the contract writes them: 'YYYY-MM-DD', strictly (2026-1-5 and 2026-02-30 are
// refused). Days are also handled as numbers (days since 1970-01-01) where they are compared or
// packed into keys.

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** MySQL's DATE holds years 1000 to 9999. */
const MIN_YEAR = 1000;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Days since 1970-01-01 of a strict 'YYYY-MM-DD' that exists, or undefined. */
export function epochDay(value: string): number | undefined {
  const match = DAY_PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Why `value` is not a calendar day, or undefined when it is one. */
export function dayProblem(value: unknown): string | undefined {
  if (typeof value !== 'string') return 'must be a date written YYYY-MM-DD';
  if (epochDay(value) !== undefined) return undefined;
  if (!DAY_PATTERN.test(value)) return `"${value.slice(0, 40)}" is not a date written YYYY-MM-DD`;
  return `"${value}" is not a day of the calendar`;
}

export function utcEpochDay(at: Date): number {
  return Math.floor(at.getTime() / MS_PER_DAY);
}

export function formatEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
