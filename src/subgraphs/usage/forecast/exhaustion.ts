import { addDays, daysBetween } from '../../../days';
import { theilSen } from './theil-sen';
import type { Line } from './theil-sen';

// When a license type runs out at its recent trend (README, Forecast): the Theil–Sen line through
// the daily totals of the history, followed forward from asOf to the day it reaches purchased.

/** The history a forecast fits unless asked otherwise, and the one alerts use. */
export const DEFAULT_HISTORY_DAYS = 90;
/** Shorter histories give no date: two weeks are the least that shows a trend. */
export const MIN_HISTORY_DAYS = 14;
/** A date further away than this (3 × 365 days) is no forecast but a guess. */
export const HORIZON_DAYS = 1095;

/** One day of an owner's daily total of a license type (as LicenseSummary counts a day). */
export interface DailyTotal {
  day: string;
  total: number;
}

export interface Exhaustion {
  /** Fitted change of consumed licenses per day (0 with fewer than two days to fit). */
  dailyTrend: number;
  exhaustionDate: string | null;
  earliest: string | null;
  latest: string | null;
  /** Days from the first day of the history to asOf, both included; 0 without history. */
  historyDays: number;
}

/**
 * The first day from asOf on whose value on `line` reaches `purchased` (asOf itself when the line
 * is there already), or null when the line is flat or falling or gets there only after the
 * horizon.
 */
function reachDay(line: Line, purchased: number, asOf: string): string | null {
  if (!(line.slope > 0)) return null;
  const days = Math.max(0, Math.ceil((purchased - line.intercept) / line.slope - 1e-9));
  return days > HORIZON_DAYS ? null : addDays(asOf, days);
}

/**
 * The exhaustion forecast of one license type from its daily totals up to `asOf` (`series`:
 * ascending days, none after asOf). No date when nothing is purchased, the history is shorter
 * than MIN_HISTORY_DAYS, the trend is flat or falling, or the date is beyond HORIZON_DAYS. The
 * band comes from the ends of the slope's 95 % interval: `earliest` from the fast end, `latest`
 * from the slow end (null when that one never gets there within the horizon).
 */
export function exhaustion(
  series: readonly DailyTotal[],
  purchased: number,
  asOf: string,
): Exhaustion {
  const historyDays = series.length === 0 ? 0 : daysBetween(series[0].day, asOf) + 1;
  const fit = theilSen(series.map((d) => ({ x: daysBetween(asOf, d.day), y: d.total })));
  const dailyTrend = fit?.slope ?? 0;
  const none = { dailyTrend, exhaustionDate: null, earliest: null, latest: null, historyDays };
  if (!fit || purchased <= 0 || historyDays < MIN_HISTORY_DAYS) return none;
  const exhaustionDate = reachDay(fit, purchased, asOf);
  if (exhaustionDate === null) return none;
  const earliest = reachDay(fit.high, purchased, asOf) ?? exhaustionDate;
  const latest = reachDay(fit.low, purchased, asOf);
  return {
    dailyTrend,
    exhaustionDate,
    // Each end has its own intercept; keep the band around the date it bounds.
    earliest: earliest < exhaustionDate ? earliest : exhaustionDate,
    latest: latest === null || latest > exhaustionDate ? latest : exhaustionDate,
    historyDays,
  };
}
