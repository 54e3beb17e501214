// How numbers and days read on every view (and how the browser tests read them back).

const COUNT = new Intl.NumberFormat('en-US');

export function count(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : COUNT.format(value);
}

/** 0.89375 → "89.4 %"; null (nothing purchased) → "—". */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
}

/** consumed / purchased, or null when nothing is purchased (never NaN or Infinity). */
export function ratio(consumed: number, purchased: number): number | null {
  return purchased === 0 ? null : consumed / purchased;
}

export function sum<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0);
}

/** PROFESSIONAL → "Professional", COMMON_AREA → "Common area". */
export function label(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Today in UTC, YYYY-MM-DD: the API's days are UTC calendar days. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Whole days from `day` to today (UTC): the age of a report. */
export function daysAgo(day: string): number {
  const ms = Date.parse(`${todayUtc()}T00:00:00Z`) - Date.parse(`${day.slice(0, 10)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

export function age(day: string | null | undefined): string {
  if (!day) return 'never reported';
  const days = daysAgo(day);
  if (days <= 0) return `${day.slice(0, 10)} (today)`;
  return `${day.slice(0, 10)} (${days} day${days === 1 ? '' : 's'} ago)`;
}

export const SEVERITY_RANK = { INFO: 0, MINOR: 1, MAJOR: 2, CRITICAL: 3 } as const;
export type Severity = keyof typeof SEVERITY_RANK;
