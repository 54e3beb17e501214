import type { GraphFixture } from '../../support/graph-fixture';
import {
  LICENSE_ORDER,
  SERVER_ROLE_ORDER,
  readableCustomers,
  visibleCustomers,
} from '../../support/oracle';

// What the subscriptions subgraph should answer, computed the plain way from the fixture object
// and the contract (orders, role meanings), with none of the subgraph's code.

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export { readableCustomers, visibleCustomers };

export function customerOfSubscription(fixture: GraphFixture, subscriptionId: string): string {
  const subscription = fixture.subscriptions.find((s) => s.id === subscriptionId);
  if (!subscription) throw new Error(`no subscription ${subscriptionId} in the fixture`);
  return subscription.customerId;
}

export function customerOfSource(fixture: GraphFixture, sourceId: string): string {
  const source = [...fixture.clusters, ...fixture.tenants].find((s) => s.id === sourceId);
  if (!source) throw new Error(`no source ${sourceId} in the fixture`);
  return customerOfSubscription(fixture, source.subscriptionId);
}

export function servers(fixture: GraphFixture, clusterId: string) {
  const cluster = fixture.clusters.find((c) => c.id === clusterId);
  if (!cluster) throw new Error(`no cluster ${clusterId} in the fixture`);
  return [...cluster.servers].sort(
    (a, b) =>
      SERVER_ROLE_ORDER.indexOf(a.role) - SERVER_ROLE_ORDER.indexOf(b.role) ||
      byText(a.hostname, b.hostname),
  );
}

function sources<T extends { subscriptionId: string; name: string; id: string }>(
  all: T[],
  subscriptionId: string,
): T[] {
  return all
    .filter((s) => s.subscriptionId === subscriptionId)
    .sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id));
}

export function clusters(fixture: GraphFixture, subscriptionId: string) {
  return sources(fixture.clusters, subscriptionId).map((c) => ({
    id: c.id,
    name: c.name,
    region: c.region,
    servers: servers(fixture, c.id),
  }));
}

export function tenants(fixture: GraphFixture, subscriptionId: string) {
  return sources(fixture.tenants, subscriptionId).map((t) => ({
    id: t.id,
    name: t.name,
    region: t.region,
  }));
}

/** A subscription as the full selection SUBSCRIPTION_FIELDS of the tests shows it. */
export function subscription(fixture: GraphFixture, subscriptionId: string) {
  const s = fixture.subscriptions.find((candidate) => candidate.id === subscriptionId);
  if (!s) throw new Error(`no subscription ${subscriptionId} in the fixture`);
  return {
    id: s.id,
    kind: s.kind,
    status: s.status,
    startDate: s.startDate,
    endDate: s.endDate ?? null,
    customer: { id: s.customerId },
    entitlements: [...s.entitlements]
      .sort(
        (a, b) =>
          LICENSE_ORDER.indexOf(a.licenseType) - LICENSE_ORDER.indexOf(b.licenseType) ||
          byText(a.startDate, b.startDate),
      )
      .map((e) => ({
        licenseType: e.licenseType,
        quantity: e.quantity,
        startDate: e.startDate,
        endDate: e.endDate ?? null,
      })),
    clusters: clusters(fixture, s.id),
    tenants: tenants(fixture, s.id),
  };
}

/** The selection whose answer `subscription()` computes. */
export const SUBSCRIPTION_FIELDS = `
  id kind status startDate endDate
  customer { id }
  entitlements { licenseType quantity startDate endDate }
  clusters { id name region servers { hostname role } }
  tenants { id name region }`;

/** Subscription ids of a customer, ordered by id, optionally limited to kinds and statuses. */
export function subscriptionIdsOf(
  fixture: GraphFixture,
  customerId: string,
  filter: { kinds?: string[]; statuses?: string[] } = {},
): string[] {
  return fixture.subscriptions
    .filter(
      (s) =>
        s.customerId === customerId &&
        (!filter.kinds || filter.kinds.includes(s.kind)) &&
        (!filter.statuses || filter.statuses.includes(s.status)),
    )
    .map((s) => s.id)
    .sort(byText);
}
