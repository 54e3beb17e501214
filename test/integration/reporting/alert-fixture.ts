import type { DataSource } from 'typeorm';
import { importDocument } from '../../../src/ingest/document/import-document';
import type { FixtureUsage, GraphFixture } from '../../support/graph-fixture';

// A fixture built for the alert rules: one customer per case, each with one subscription and the
// sources the case needs, so that a case's alerts are exactly what its rule says. Days are
// offsets from ALERT_AS_OF.

export const ALERT_AS_OF = '2026-06-30';
export const ALERT_PARTNER = 'p-alerts';
export const ALERT_ADMIN = 'u-alerts-admin';

export const day = (offset: number): string => {
  const date = new Date(`${ALERT_AS_OF}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offset);
  return date.toISOString().slice(0, 10);
};

export interface AlertCase {
  name: string;
  status?: 'ACTIVE' | 'TRIAL' | 'EXPIRED';
  /** Days from ALERT_AS_OF; none: open-ended. */
  endsIn?: number;
  purchased: Record<string, number>;
  /** Per source: region and, per license type, consumed on its last report. */
  sources: Array<{ region: string; consumed: Record<string, number>; lastReport?: number }>;
}

export function alertFixture(cases: readonly AlertCase[]): GraphFixture {
  const fixture: GraphFixture = {
    partners: [{ id: ALERT_PARTNER, name: 'Alert Partner' }],
    customers: [],
    subscriptions: [],
    clusters: [],
    tenants: [],
    users: [{ id: ALERT_ADMIN, email: 'admin@alerts.example', displayName: 'Alert Admin' }],
    roleAssignments: [
      { userId: ALERT_ADMIN, role: 'PARTNER_FULL_ADMIN', partnerId: ALERT_PARTNER },
    ],
    usage: [],
  };
  for (const c of cases) {
    const customerId = `c-${c.name}`;
    const subscriptionId = `Sub-${c.name}`;
    fixture.customers.push({ id: customerId, partnerId: ALERT_PARTNER, name: c.name });
    fixture.subscriptions.push({
      id: subscriptionId,
      customerId,
      kind: 'DEDICATED_INSTANCE',
      status: c.status ?? 'ACTIVE',
      startDate: '2026-01-01',
      ...(c.endsIn === undefined ? {} : { endDate: day(c.endsIn) }),
      entitlements: Object.entries(c.purchased).map(([licenseType, quantity]) => ({
        licenseType,
        quantity,
        startDate: '2026-01-01',
      })),
    });
    c.sources.forEach((source, i) => {
      const id = `cl-${c.name}-${i + 1}`;
      fixture.clusters.push({ id, subscriptionId, name: id, region: source.region, servers: [] });
      // Two reports: an earlier, different value proves that the latest one counts.
      for (const [offset, factor] of [
        [(source.lastReport ?? 0) - 1, 2],
        [source.lastReport ?? 0, 1],
      ]) {
        for (const [licenseType, consumed] of Object.entries(source.consumed)) {
          const row: FixtureUsage = {
            sourceId: id,
            licenseType,
            date: day(offset),
            consumed: consumed * factor,
          };
          fixture.usage.push(row);
        }
      }
    });
  }
  return fixture;
}

export async function loadAlertFixture(ds: DataSource, cases: readonly AlertCase[]) {
  const fixture = alertFixture(cases);
  const result = await importDocument(ds, fixture, 'alert-fixture');
  const problems = (result as { problems?: unknown[] }).problems ?? [];
  if (problems.length > 0) throw new Error(`alert fixture refused: ${JSON.stringify(problems)}`);
  return fixture;
}
