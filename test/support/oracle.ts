import type { FixtureUsage, GraphFixture } from './graph-fixture';

// What the API should answer, computed the plain way from the fixture object, with none of the
// server's code: the end-to-end tests compare the server against these.

export const LICENSE_ORDER = [
  'PROFESSIONAL',
  'STANDARD',
  'BASIC',
  'COMMON_AREA',
  'ROOM_SYSTEM',
  'SPEECH_VIEW',
];

const byLicenseOrder = (a: string, b: string) =>
  LICENSE_ORDER.indexOf(a) - LICENSE_ORDER.indexOf(b);

export interface Snapshot {
  licenseType: string;
  consumed: number;
  reportedOn: string;
}

export interface Summary {
  licenseType: string;
  purchased: number;
  consumed: number;
  available: number;
  utilization: number | null;
  asOf: string;
  oldestReportOn: string | null;
}

export function sourcesOf(fixture: GraphFixture, subscriptionIds: string[]): string[] {
  return [...fixture.clusters, ...fixture.tenants]
    .filter((s) => subscriptionIds.includes(s.subscriptionId))
    .map((s) => s.id);
}

/** Latest snapshot on or before asOf per license type of one source. */
export function currentUsage(fixture: GraphFixture, sourceId: string, asOf: string): Snapshot[] {
  const latest = new Map<string, FixtureUsage>();
  for (const row of fixture.usage) {
    if (row.sourceId !== sourceId || row.date > asOf) continue;
    const seen = latest.get(row.licenseType);
    if (!seen || row.date > seen.date) latest.set(row.licenseType, row);
  }
  return [...latest.values()]
    .sort((a, b) => byLicenseOrder(a.licenseType, b.licenseType))
    .map((row) => ({ licenseType: row.licenseType, consumed: row.consumed, reportedOn: row.date }));
}

export function licenseSummary(
  fixture: GraphFixture,
  subscriptionIds: string[],
  asOf: string,
): Summary[] {
  const purchased = new Map<string, number>();
  for (const subscription of fixture.subscriptions) {
    if (!subscriptionIds.includes(subscription.id)) continue;
    for (const e of subscription.entitlements) {
      if (e.startDate <= asOf && (!e.endDate || e.endDate >= asOf)) {
        purchased.set(e.licenseType, (purchased.get(e.licenseType) ?? 0) + e.quantity);
      }
    }
  }
  const consumed = new Map<string, { sum: number; oldest: string }>();
  for (const sourceId of sourcesOf(fixture, subscriptionIds)) {
    for (const snap of currentUsage(fixture, sourceId, asOf)) {
      const seen = consumed.get(snap.licenseType);
      consumed.set(snap.licenseType, {
        sum: (seen?.sum ?? 0) + snap.consumed,
        oldest: seen && seen.oldest < snap.reportedOn ? seen.oldest : snap.reportedOn,
      });
    }
  }
  const types = [...new Set([...purchased.keys(), ...consumed.keys()])].sort(byLicenseOrder);
  return types.map((licenseType) => {
    const p = purchased.get(licenseType) ?? 0;
    const c = consumed.get(licenseType);
    return {
      licenseType,
      purchased: p,
      consumed: c?.sum ?? 0,
      available: p - (c?.sum ?? 0),
      utilization: p === 0 ? null : (c?.sum ?? 0) / p,
      asOf,
      oldestReportOn: c?.oldest ?? null,
    };
  });
}

export function subscriptionsOfCustomer(fixture: GraphFixture, customerId: string): string[] {
  return fixture.subscriptions.filter((s) => s.customerId === customerId).map((s) => s.id);
}

export function subscriptionsOfPartner(fixture: GraphFixture, partnerId: string): string[] {
  const customers = fixture.customers.filter((c) => c.partnerId === partnerId).map((c) => c.id);
  return fixture.subscriptions.filter((s) => customers.includes(s.customerId)).map((s) => s.id);
}

/** First day of the bucket holding `day` (weeks start on Monday). */
export function bucketStart(day: string, granularity: 'DAY' | 'WEEK' | 'MONTH'): string {
  if (granularity === 'DAY') return day;
  if (granularity === 'MONTH') return `${day.slice(0, 8)}01`;
  const date = new Date(`${day}T00:00:00Z`);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - sinceMonday);
  return date.toISOString().slice(0, 10);
}

export interface Point {
  period: string;
  licenseType: string;
  consumed: number;
  peak: number;
  average: number;
  reportedDays: number;
}

export function usagePoints(
  fixture: GraphFixture,
  sourceId: string,
  from: string,
  to: string,
  granularity: 'DAY' | 'WEEK' | 'MONTH',
): Point[] {
  const buckets = new Map<string, FixtureUsage[]>();
  for (const row of fixture.usage) {
    if (row.sourceId !== sourceId || row.date < from || row.date > to) continue;
    const key = `${bucketStart(row.date, granularity)}|${row.licenseType}`;
    buckets.set(key, [...(buckets.get(key) ?? []), row]);
  }
  return [...buckets.entries()]
    .map(([key, rows]) => {
      const [period, licenseType] = key.split('|');
      const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
      const values = sorted.map((r) => r.consumed);
      return {
        period,
        licenseType,
        consumed: values[values.length - 1],
        peak: Math.max(...values),
        average: values.reduce((a, b) => a + b, 0) / values.length,
        reportedDays: values.length,
      };
    })
    .sort(
      (a, b) => a.period.localeCompare(b.period) || byLicenseOrder(a.licenseType, b.licenseType),
    );
}

export const SERVER_ROLE_ORDER = [
  'PUBLISHER',
  'SUBSCRIBER',
  'TFTP',
  'IM_PRESENCE',
  'UNITY_CONNECTION',
  'EXPRESSWAY',
  'OTHER',
];

/** Roles that read every customer of their partner, and roles that read their one customer. */
export const PARTNER_READERS = ['PARTNER_FULL_ADMIN', 'PARTNER_READ_ONLY_ADMIN'];
export const CUSTOMER_READERS = ['PARTNER_ADMIN', 'FULL_ADMIN', 'READ_ONLY_ADMIN', 'SUPPORT_ADMIN'];

export function assignmentsOf(
  fixture: GraphFixture,
  userId: string,
): GraphFixture['roleAssignments'] {
  return fixture.roleAssignments.filter((assignment) => assignment.userId === userId);
}

/** The customers whose data the user may read (the contract's role meanings). */
export function readableCustomers(fixture: GraphFixture, userId: string): Set<string> {
  const readable = new Set<string>();
  for (const assignment of assignmentsOf(fixture, userId)) {
    if (PARTNER_READERS.includes(assignment.role)) {
      for (const customer of fixture.customers) {
        if (customer.partnerId === assignment.partnerId) readable.add(customer.id);
      }
    }
    if (CUSTOMER_READERS.includes(assignment.role) && assignment.customerId) {
      readable.add(assignment.customerId);
    }
  }
  return readable;
}

/** Readable customers, and those the user's own assignments name (a collector's customer). */
export function visibleCustomers(fixture: GraphFixture, userId: string): Set<string> {
  const visible = readableCustomers(fixture, userId);
  for (const assignment of assignmentsOf(fixture, userId)) {
    if (assignment.customerId) visible.add(assignment.customerId);
  }
  return visible;
}
