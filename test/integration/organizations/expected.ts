import { totalReclaimable } from '../../support/planning-oracle';
import type { GraphFixture } from '../../support/graph-fixture';
import {
  PARTNER_READERS,
  assignmentsOf,
  licenseSummary,
  readableCustomers,
  subscriptionsOfCustomer,
  visibleCustomers,
} from '../../support/oracle';
import type { StoredAssignment } from './setup';

// What the organizations subgraph should answer, computed the plain way from the fixture object
// and the role meanings of the contract (`enum Role`), with none of the subgraph's code.

/** Full and read-only admins, who also read the role assignments of their scope. */
const CUSTOMER_ADMINS = ['FULL_ADMIN', 'READ_ONLY_ADMIN'];

type Assignment = GraphFixture['roleAssignments'][number];

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function partnerOfCustomer(fixture: GraphFixture, customerId: string): string {
  const customer = fixture.customers.find((c) => c.id === customerId);
  if (!customer) throw new Error(`no customer ${customerId} in the fixture`);
  return customer.partnerId;
}

export { readableCustomers, visibleCustomers };

export function visiblePartners(fixture: GraphFixture, userId: string): Set<string> {
  const visible = new Set<string>();
  for (const customerId of visibleCustomers(fixture, userId)) {
    visible.add(partnerOfCustomer(fixture, customerId));
  }
  for (const assignment of assignmentsOf(fixture, userId)) {
    if (assignment.partnerId) visible.add(assignment.partnerId);
  }
  return visible;
}

/** Whether the user, as a full or read-only admin of a scope, reads this assignment. */
function administers(fixture: GraphFixture, userId: string, target: Assignment): boolean {
  const targetPartner =
    target.partnerId ?? (target.customerId && partnerOfCustomer(fixture, target.customerId));
  return assignmentsOf(fixture, userId).some(
    (own) =>
      (PARTNER_READERS.includes(own.role) && own.partnerId === targetPartner) ||
      (CUSTOMER_ADMINS.includes(own.role) &&
        own.customerId !== undefined &&
        own.customerId === target.customerId),
  );
}

/** A user sees its own assignments, and the others' in the scopes it administers. */
export function seesAssignment(
  fixture: GraphFixture,
  userId: string,
  target: StoredAssignment,
): boolean {
  const asFixture: Assignment = {
    userId: target.userId,
    role: target.role,
    partnerId: target.partnerId ?? undefined,
    customerId: target.customerId ?? undefined,
  };
  return target.userId === userId || administers(fixture, userId, asFixture);
}

/** A user sees itself, and the users holding a role in a scope it administers. */
export function seesUser(fixture: GraphFixture, userId: string, otherId: string): boolean {
  return (
    otherId === userId ||
    assignmentsOf(fixture, otherId).some((target) => administers(fixture, userId, target))
  );
}

/** Overall utilization on asOf: consumed over purchased across every license type. */
export function utilization(fixture: GraphFixture, customerId: string, asOf: string) {
  const summaries = licenseSummary(fixture, subscriptionsOfCustomer(fixture, customerId), asOf);
  const purchased = summaries.reduce((sum, s) => sum + s.purchased, 0);
  const consumed = summaries.reduce((sum, s) => sum + s.consumed, 0);
  return purchased === 0 ? null : consumed / purchased;
}

export { totalReclaimable as reclaimableTotal };

export type OrderField = 'NAME' | 'UTILIZATION' | 'RECLAIMABLE';
export type Direction = 'ASC' | 'DESC';

/**
 * Customer ids in list order: by name, by utilization (nothing purchased sorts before every
 * value) or by reclaimable licenses over the last 30 days, ties broken by id, the whole order
 * reversed for DESC.
 */
export function ordered(
  fixture: GraphFixture,
  customerIds: Iterable<string>,
  field: OrderField,
  direction: Direction,
  asOf: string,
): string[] {
  const rows = [...customerIds].map((id) => {
    const customer = fixture.customers.find((c) => c.id === id);
    if (!customer) throw new Error(`no customer ${id} in the fixture`);
    return {
      id,
      name: customer.name,
      utilization: utilization(fixture, id, asOf),
      reclaimable: totalReclaimable(fixture, id, asOf),
    };
  });
  // Utilization is never negative, so -1 puts "nothing purchased" first.
  const key = (row: (typeof rows)[number]) =>
    field === 'RECLAIMABLE' ? row.reclaimable : (row.utilization ?? -1);
  rows.sort(
    (a, b) => (field === 'NAME' ? byText(a.name, b.name) : key(a) - key(b)) || byText(a.id, b.id),
  );
  const ids = rows.map((row) => row.id);
  return direction === 'ASC' ? ids : ids.reverse();
}

export function customersOfPartner(fixture: GraphFixture, partnerId: string): string[] {
  return fixture.customers.filter((c) => c.partnerId === partnerId).map((c) => c.id);
}

/** Customers with at least one cluster or tenant in one of the regions. */
export function customersInRegions(fixture: GraphFixture, regions: string[]): Set<string> {
  const customerOfSubscription = new Map(fixture.subscriptions.map((s) => [s.id, s.customerId]));
  return new Set(
    [...fixture.clusters, ...fixture.tenants]
      .filter((source) => regions.includes(source.region))
      .map((source) => customerOfSubscription.get(source.subscriptionId) as string),
  );
}

/** Customers with at least one subscription of one of the kinds. */
export function customersWithKinds(fixture: GraphFixture, kinds: string[]): Set<string> {
  return new Set(
    fixture.subscriptions.filter((s) => kinds.includes(s.kind)).map((s) => s.customerId),
  );
}

/** Customers whose name contains the text, ignoring case, every character taken literally. */
export function customersNamed(fixture: GraphFixture, text: string): Set<string> {
  return new Set(
    fixture.customers
      .filter((c) => c.name.toLowerCase().includes(text.toLowerCase()))
      .map((c) => c.id),
  );
}
