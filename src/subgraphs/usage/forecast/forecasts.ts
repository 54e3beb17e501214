import type { DailyTotalRow } from '../../../db/queries/daily-totals';
import type { LicenseSummaryRow } from '../../../db/queries/license-summaries';
import type { LicenseForecast } from '../types/planning/license-forecast.type';
import { exhaustion } from './exhaustion';
import type { DailyTotal } from './exhaustion';

const key = (ownerId: string, licenseType: string) => `${ownerId}\u0000${licenseType}`;

/**
 * The forecasts of many owners on asOf: one per license type of each owner's summary (a type
 * with an entitlement in force or a snapshot on or before asOf), fitted to that owner's daily
 * totals of the type. Keyed by owner id, in the summaries' order.
 */
export function forecastsByOwner(
  summaries: readonly LicenseSummaryRow[],
  totals: readonly DailyTotalRow[],
  asOf: string,
): Map<string, LicenseForecast[]> {
  const series = new Map<string, DailyTotal[]>();
  for (const row of totals) {
    const k = key(row.ownerId, row.licenseType);
    let days = series.get(k);
    if (!days) series.set(k, (days = []));
    days.push({ day: row.day, total: row.total });
  }
  const byOwner = new Map<string, LicenseForecast[]>();
  for (const summary of summaries) {
    const days = series.get(key(summary.ownerId, summary.licenseType)) ?? [];
    let list = byOwner.get(summary.ownerId);
    if (!list) byOwner.set(summary.ownerId, (list = []));
    list.push({
      licenseType: summary.licenseType,
      purchased: summary.purchased,
      consumed: summary.consumed,
      ...exhaustion(days, summary.purchased, asOf),
      asOf,
    });
  }
  return byOwner;
}
