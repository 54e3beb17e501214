import type { GraphFixture } from './graph-fixture';
import { LICENSE_ORDER, bucketStart, currentUsage, licenseSummary, sourcesOf } from './oracle';
import { daysUntil, expectedForecast } from './planning-oracle';

// Region usage and usage reports computed the plain way from the fixture object, with none of
// the server's code, for the reporting tests to compare the server against.

const byLicenseOrder = (a: string, b: string) =>
  LICENSE_ORDER.indexOf(a) - LICENSE_ORDER.indexOf(b);

export interface RegionUsageRow {
  region: string;
  licenseType: string;
  consumed: number;
  sources: number;
  idleSources: number;
  shareOfCustomer: number | null;
}

interface SourceFacts {
  id: string;
  region: string;
  subscriptionId: string;
  customerId: string;
  partnerId: string;
}

export function sourceFacts(fixture: GraphFixture): Map<string, SourceFacts> {
  const facts = new Map<string, SourceFacts>();
  for (const source of [...fixture.clusters, ...fixture.tenants]) {
    const subscription = fixture.subscriptions.find((s) => s.id === source.subscriptionId)!;
    const customer = fixture.customers.find((c) => c.id === subscription.customerId)!;
    facts.set(source.id, {
      id: source.id,
      region: source.region,
      subscriptionId: subscription.id,
      customerId: customer.id,
      partnerId: customer.partnerId,
    });
  }
  return facts;
}

export function regionUsage(
  fixture: GraphFixture,
  customerId: string,
  asOf: string,
): RegionUsageRow[] {
  const subscriptions = fixture.subscriptions.filter((s) => s.customerId === customerId);
  const facts = sourceFacts(fixture);
  const groups = new Map<string, RegionUsageRow>();
  const totals = new Map<string, number>();
  for (const sourceId of sourcesOf(
    fixture,
    subscriptions.map((s) => s.id),
  )) {
    for (const snap of currentUsage(fixture, sourceId, asOf)) {
      const region = facts.get(sourceId)!.region;
      const key = `${region}|${snap.licenseType}`;
      const row = groups.get(key) ?? {
        region,
        licenseType: snap.licenseType,
        consumed: 0,
        sources: 0,
        idleSources: 0,
        shareOfCustomer: null,
      };
      row.consumed += snap.consumed;
      row.sources += 1;
      if (snap.consumed === 0) row.idleSources += 1;
      groups.set(key, row);
      totals.set(snap.licenseType, (totals.get(snap.licenseType) ?? 0) + snap.consumed);
    }
  }
  return [...groups.values()]
    .map((row) => {
      const total = totals.get(row.licenseType)!;
      return { ...row, shareOfCustomer: total > 0 ? row.consumed / total : null };
    })
    .sort(
      (a, b) => a.region.localeCompare(b.region) || byLicenseOrder(a.licenseType, b.licenseType),
    );
}

export type Dimension = 'CUSTOMER' | 'SUBSCRIPTION' | 'REGION' | 'SOURCE' | 'LICENSE_TYPE';
export const DIMENSIONS: readonly Dimension[] = [
  'CUSTOMER',
  'SUBSCRIPTION',
  'REGION',
  'SOURCE',
  'LICENSE_TYPE',
];

export interface ReportFilter {
  partnerId?: string;
  customerIds?: string[];
  subscriptionIds?: string[];
  regions?: string[];
  licenseTypes?: string[];
  from: string;
  to: string;
}

export interface ReportRow {
  period: string;
  customerId: string | null;
  subscriptionId: string | null;
  region: string | null;
  sourceId: string | null;
  licenseType: string | null;
  consumed: number;
  peak: number;
  purchased: number | null;
}

const addDay = (day: string, n: number) => {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
};

/** Last day of the bucket starting at `period`, cut to `to`. */
function bucketLastDay(period: string, granularity: 'DAY' | 'WEEK' | 'MONTH', to: string) {
  let last = period;
  if (granularity === 'WEEK') last = addDay(period, 6);
  if (granularity === 'MONTH') {
    const date = new Date(`${period}T00:00:00Z`);
    last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0))
      .toISOString()
      .slice(0, 10);
  }
  return last < to ? last : to;
}

/**
 * The usage report over the customers `visible` (the viewer's scope), grouped and bucketed:
 * consumed = per source and license type its last value in the bucket, summed over the group;
 * peak = the highest daily total of the group; purchased = entitlements in force on the bucket's
 * last day, when grouped by LICENSE_TYPE and neither REGION nor SOURCE, without regions filter.
 */
export function usageReport(
  fixture: GraphFixture,
  visible: readonly string[],
  filter: ReportFilter,
  groupBy: readonly Dimension[],
  granularity: 'DAY' | 'WEEK' | 'MONTH',
): ReportRow[] {
  const facts = sourceFacts(fixture);
  const dims = new Set(groupBy);
  const has = (d: Dimension) => dims.has(d);
  const keyOf = (f: SourceFacts, licenseType: string) => ({
    customerId: has('CUSTOMER') || has('SUBSCRIPTION') || has('SOURCE') ? f.customerId : null,
    subscriptionId: has('SUBSCRIPTION') || has('SOURCE') ? f.subscriptionId : null,
    region: has('REGION') || has('SOURCE') ? f.region : null,
    sourceId: has('SOURCE') ? f.id : null,
    licenseType: has('LICENSE_TYPE') ? licenseType : null,
  });
  const inFilter = (f: { customerId: string; partnerId: string; subscriptionId: string }) =>
    visible.includes(f.customerId) &&
    (!filter.partnerId || f.partnerId === filter.partnerId) &&
    (!filter.customerIds || filter.customerIds.includes(f.customerId)) &&
    (!filter.subscriptionIds || filter.subscriptionIds.includes(f.subscriptionId));
  const rows = fixture.usage.filter((u) => {
    const f = facts.get(u.sourceId)!;
    return (
      inFilter(f) &&
      (!filter.regions || filter.regions.includes(f.region)) &&
      (!filter.licenseTypes || filter.licenseTypes.includes(u.licenseType)) &&
      u.date >= filter.from &&
      u.date <= filter.to
    );
  });
  type Group = { key: ReturnType<typeof keyOf>; period: string };
  const groups = new Map<string, Group>();
  const last = new Map<string, Map<string, { date: string; consumed: number }>>();
  const daily = new Map<string, Map<string, number>>();
  for (const u of rows) {
    const key = keyOf(facts.get(u.sourceId)!, u.licenseType);
    const period = bucketStart(u.date, granularity);
    const id = JSON.stringify([period, key]);
    groups.set(id, { key, period });
    const series = last.get(id) ?? new Map();
    const seen = series.get(`${u.sourceId}|${u.licenseType}`);
    if (!seen || seen.date < u.date) {
      series.set(`${u.sourceId}|${u.licenseType}`, { date: u.date, consumed: u.consumed });
    }
    last.set(id, series);
    const days = daily.get(id) ?? new Map<string, number>();
    days.set(u.date, (days.get(u.date) ?? 0) + u.consumed);
    daily.set(id, days);
  }
  const determined = has('LICENSE_TYPE') && !has('REGION') && !has('SOURCE') && !filter.regions;
  const result = [...groups.entries()].map(([id, { key, period }]) => {
    let purchased: number | null = null;
    if (determined) {
      const day = bucketLastDay(period, granularity, filter.to);
      purchased = 0;
      for (const s of fixture.subscriptions) {
        const customer = fixture.customers.find((c) => c.id === s.customerId)!;
        const f = { customerId: s.customerId, partnerId: customer.partnerId, subscriptionId: s.id };
        if (!inFilter(f)) continue;
        if (key.customerId && key.customerId !== s.customerId) continue;
        if (key.subscriptionId && key.subscriptionId !== s.id) continue;
        for (const e of s.entitlements) {
          if (e.licenseType !== key.licenseType) continue;
          if (e.startDate <= day && (!e.endDate || e.endDate >= day)) purchased += e.quantity;
        }
      }
    }
    return {
      period,
      ...key,
      consumed: [...last.get(id)!.values()].reduce((sum, v) => sum + v.consumed, 0),
      peak: Math.max(...daily.get(id)!.values()),
      purchased,
    };
  });
  const text = (v: string | null) => v ?? '';
  return result.sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      text(a.customerId).localeCompare(text(b.customerId)) ||
      text(a.subscriptionId).localeCompare(text(b.subscriptionId)) ||
      text(a.region).localeCompare(text(b.region)) ||
      text(a.sourceId).localeCompare(text(b.sourceId)) ||
      byLicenseOrder(text(a.licenseType), text(b.licenseType)),
  );
}

/** Every subset of the five dimensions. */
export function allGroupings(): Dimension[][] {
  return Array.from({ length: 1 << DIMENSIONS.length }, (_, mask) =>
    DIMENSIONS.filter((_d, i) => mask & (1 << i)),
  );
}

export interface ExpectedAlert {
  kind: string;
  severity: string;
  customerId: string;
  subscriptionId: string | null;
  sourceId: string | null;
  region: string | null;
  licenseType: string | null;
  consumed: number | null;
  purchased: number | null;
  actionDue: string | null;
}

const daysFrom = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * The alerts of some customers on asOf, by the table of the README (Alerts), computed from the
 * fixture object. Sorted by kind, customer, subscription, source, region, license type.
 */
export function expectedAlerts(
  fixture: GraphFixture,
  customerIds: readonly string[],
  asOf: string,
  lowMark = 0.5,
): ExpectedAlert[] {
  const alerts: ExpectedAlert[] = [];
  const none = { sourceId: null, region: null, licenseType: null, consumed: null, purchased: null };
  const live = fixture.subscriptions.filter(
    (s) => customerIds.includes(s.customerId) && ['ACTIVE', 'TRIAL'].includes(s.status),
  );
  for (const s of live) {
    for (const summary of licenseSummaryOf(fixture, s.id, asOf)) {
      const base = {
        customerId: s.customerId,
        subscriptionId: s.id,
        sourceId: null,
        region: null,
        licenseType: summary.licenseType,
        consumed: summary.consumed,
        purchased: summary.purchased,
      };
      if (summary.consumed > summary.purchased) {
        const critical = summary.purchased === 0 || summary.consumed > summary.purchased * 1.1;
        alerts.push({
          ...base,
          kind: 'OVER_LICENSE_LIMIT',
          severity: critical ? 'CRITICAL' : 'MAJOR',
          actionDue: addDay(asOf, critical ? 7 : 30),
        });
      }
      const utilization = summary.purchased > 0 ? summary.consumed / summary.purchased : null;
      if (s.status === 'ACTIVE' && utilization !== null && utilization < lowMark) {
        alerts.push({
          ...base,
          kind: 'LOW_ASSIGNMENT',
          severity: utilization < lowMark / 2 ? 'MINOR' : 'INFO',
          actionDue: s.endDate ?? null,
        });
      }
    }
    for (const forecast of expectedForecast(fixture, [s.id], asOf)) {
      if (forecast.exhaustionDate === null || forecast.consumed > forecast.purchased) continue;
      const left = daysUntil(asOf, forecast.exhaustionDate);
      if (left > 60) continue;
      alerts.push({
        ...none,
        kind: 'EXHAUSTION_FORECAST',
        severity: left <= 7 ? 'CRITICAL' : left <= 30 ? 'MAJOR' : 'MINOR',
        customerId: s.customerId,
        subscriptionId: s.id,
        licenseType: forecast.licenseType,
        consumed: forecast.consumed,
        purchased: forecast.purchased,
        actionDue: forecast.earliest,
      });
    }
    if (s.status === 'ACTIVE' && s.endDate) {
      const left = daysFrom(asOf, s.endDate);
      if (left >= 0 && left <= 90) {
        alerts.push({
          ...none,
          kind: 'NEARING_EXPIRATION',
          severity: left <= 30 ? 'MAJOR' : 'MINOR',
          customerId: s.customerId,
          subscriptionId: s.id,
          actionDue: s.endDate,
        });
      }
    }
    for (const sourceId of sourcesOf(fixture, [s.id])) {
      const days = currentUsage(fixture, sourceId, asOf).map((snap) => snap.reportedOn);
      if (days.length === 0) continue;
      const silent = daysFrom(days.sort().at(-1)!, asOf);
      if (silent <= 3) continue;
      alerts.push({
        ...none,
        kind: 'STALE_DATA',
        severity: silent > 14 ? 'MAJOR' : 'MINOR',
        customerId: s.customerId,
        subscriptionId: s.id,
        sourceId,
        region: sourceFacts(fixture).get(sourceId)!.region,
        actionDue: addDay(asOf, 2),
      });
    }
  }
  for (const customerId of customerIds) {
    for (const row of regionUsage(fixture, customerId, asOf)) {
      if (row.sources > 0 && row.idleSources === row.sources) {
        alerts.push({
          ...none,
          kind: 'UNUSED_REGION',
          severity: 'MINOR',
          customerId,
          subscriptionId: null,
          region: row.region,
          licenseType: row.licenseType,
          consumed: 0,
          actionDue: null,
        });
      }
    }
  }
  return sortAlerts(alerts);
}

const KIND_ORDER = [
  'OVER_LICENSE_LIMIT',
  'LOW_ASSIGNMENT',
  'NEARING_EXPIRATION',
  'STALE_DATA',
  'UNUSED_REGION',
  'EXHAUSTION_FORECAST',
];

export function sortAlerts<T extends Omit<ExpectedAlert, 'severity' | 'actionDue'>>(alerts: T[]) {
  const text = (v: string | null) => v ?? '';
  return [...alerts].sort(
    (a, b) =>
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      a.customerId.localeCompare(b.customerId) ||
      text(a.subscriptionId).localeCompare(text(b.subscriptionId)) ||
      text(a.sourceId).localeCompare(text(b.sourceId)) ||
      text(a.region).localeCompare(text(b.region)) ||
      byLicenseOrder(text(a.licenseType), text(b.licenseType)),
  );
}

function licenseSummaryOf(fixture: GraphFixture, subscriptionId: string, asOf: string) {
  return licenseSummary(fixture, [subscriptionId], asOf);
}
