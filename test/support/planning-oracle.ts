import type { GraphFixture } from './graph-fixture';
import { currentUsage, licenseSummary, sourcesOf } from './oracle';

// Forecasts and reclaimable licenses computed the plain way from the fixture object, day by day,
// with none of the server's code (no SQL, no running sums): for the end-to-end tests.

const DAY_MS = 86_400_000;
const shift = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const between = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The owner's total of a type on each day of [from, to] (latest snapshot of each source). */
function dailyTotal(fixture: GraphFixture, sources: string[], type: string, day: string) {
  let total = 0;
  let known = false;
  for (const sourceId of sources) {
    const snap = currentUsage(fixture, sourceId, day).find((s) => s.licenseType === type);
    if (snap) {
      total += snap.consumed;
      known = true;
    }
  }
  return known ? total : null;
}

const middle = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export interface ExpectedForecast {
  licenseType: string;
  purchased: number;
  consumed: number;
  dailyTrend: number;
  exhaustionDate: string | null;
  earliest: string | null;
  latest: string | null;
  historyDays: number;
  asOf: string;
}

/**
 * The forecast of the subscriptions' licenses on asOf (README, Forecast): the totals of the days
 * some source reported in the history (and its first day, when a source had reported before),
 * the median of the pairwise slopes, Sen's 95 % interval for the band.
 */
export function expectedForecast(
  fixture: GraphFixture,
  subscriptionIds: string[],
  asOf: string,
  historyDays = 90,
): ExpectedForecast[] {
  const sources = sourcesOf(fixture, subscriptionIds);
  const from = shift(asOf, -(historyDays - 1));
  return licenseSummary(fixture, subscriptionIds, asOf).map((summary) => {
    const type = summary.licenseType;
    const points: Array<{ x: number; y: number }> = [];
    for (let x = -(historyDays - 1); x <= 0; x++) {
      const day = shift(asOf, x);
      const reported = fixture.usage.some(
        (u) => u.date === day && u.licenseType === type && sources.includes(u.sourceId),
      );
      const total = dailyTotal(fixture, sources, type, day);
      if (total !== null && (reported || day === from)) points.push({ x, y: total });
    }
    const slopes: number[] = [];
    points.forEach((p, i) =>
      points.slice(i + 1).forEach((q) => slopes.push((q.y - p.y) / (q.x - p.x))),
    );
    slopes.sort((a, b) => a - b);
    const slope = slopes.length ? middle(slopes) : 0;
    const used = points.length ? -points[0].x + 1 : 0;
    const result: ExpectedForecast = {
      licenseType: type,
      purchased: summary.purchased,
      consumed: summary.consumed,
      dailyTrend: slope,
      exhaustionDate: null,
      earliest: null,
      latest: null,
      historyDays: used,
      asOf,
    };
    if (slope <= 0 || used < 14 || summary.purchased <= 0) return result;
    const reach = (s: number) => {
      if (s <= 0) return null;
      const level = middle(points.map((p) => p.y - s * p.x));
      let days = 0;
      while (level + s * days < summary.purchased - 1e-9) days++;
      return days > 1095 ? null : shift(asOf, days);
    };
    const date = reach(slope);
    if (date === null) return result;
    const n = points.length;
    const ties = (values: number[]) =>
      [
        ...values
          .reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<number, number>())
          .values(),
      ]
        .map((t) => t * (t - 1) * (2 * t + 5))
        .reduce((a, b) => a + b, 0);
    const spread =
      1.959964 *
      Math.sqrt(Math.max(0, (n * (n - 1) * (2 * n + 5) - ties(points.map((p) => p.y))) / 18));
    const low = slopes[Math.max(Math.round((slopes.length - spread) / 2) - 1, 0)];
    const high = slopes[Math.min(Math.round((slopes.length + spread) / 2), slopes.length - 1)];
    const early = reach(Math.max(high, slope)) ?? date;
    const late = reach(Math.min(low, slope));
    return {
      ...result,
      exhaustionDate: date,
      earliest: early < date ? early : date,
      latest: late === null || late > date ? late : date,
    };
  });
}

/** Days from asOf to the forecast's date, for the alert's severity. */
export const daysUntil = (asOf: string, day: string) => between(asOf, day);

export interface ExpectedReclaimable {
  licenseType: string;
  purchased: number;
  peak: number;
  reclaimable: number;
  windowDays: number;
  asOf: string;
  idleSources: string[];
}

/**
 * The customer's reclaimable licenses on asOf (README, Reclaimable licenses): every type with an
 * entitlement in force, the highest daily total of the window's days, the sources whose reports
 * of the type in the window are all 0.
 */
export function expectedReclaimable(
  fixture: GraphFixture,
  customerId: string,
  asOf: string,
  windowDays = 30,
): ExpectedReclaimable[] {
  const subscriptionIds = fixture.subscriptions
    .filter((s) => s.customerId === customerId)
    .map((s) => s.id);
  const sources = sourcesOf(fixture, subscriptionIds);
  const from = shift(asOf, -(windowDays - 1));
  const inForce = fixture.subscriptions
    .filter((s) => s.customerId === customerId)
    .flatMap((s) => s.entitlements)
    .filter((e) => e.startDate <= asOf && (!e.endDate || e.endDate >= asOf));
  return licenseSummary(fixture, subscriptionIds, asOf)
    .filter((summary) => inForce.some((e) => e.licenseType === summary.licenseType))
    .map((summary) => {
      const type = summary.licenseType;
      let peak = 0;
      for (let day = from; day <= asOf; day = shift(day, 1)) {
        peak = Math.max(peak, dailyTotal(fixture, sources, type, day) ?? 0);
      }
      const idleSources = sources.filter((sourceId) => {
        const reports = fixture.usage.filter(
          (u) =>
            u.sourceId === sourceId && u.licenseType === type && u.date >= from && u.date <= asOf,
        );
        return reports.length > 0 && reports.every((u) => u.consumed === 0);
      });
      return {
        licenseType: type,
        purchased: summary.purchased,
        peak,
        reclaimable: Math.max(0, summary.purchased - peak),
        windowDays,
        asOf,
        idleSources: idleSources.sort(),
      };
    });
}

/** All of a customer's reclaimable licenses over the last 30 days: what RECLAIMABLE orders by. */
export function totalReclaimable(fixture: GraphFixture, customerId: string, asOf: string): number {
  return expectedReclaimable(fixture, customerId, asOf).reduce((sum, r) => sum + r.reclaimable, 0);
}
