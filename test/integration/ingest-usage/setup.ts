import type { ExecutionResult } from 'graphql';
import type { DataSource } from 'typeorm';
import { RoleAssignment, User } from '../../../src/db/entities';
import { Role } from '../../../src/db/enums';
import { usageSubgraph } from '../../../src/subgraphs/usage';
import type { GraphFixture } from '../../support/graph-fixture';
import { runAs } from '../../support/subgraph';

// What the ingestUsage tests share: the mutation run in process on the usage subgraph as a fixture
// user, and the stored usage read back as plain strings.

export const INGEST = `mutation($records: [UsageRecordInput!]!) {
  ingestUsage(records: $records) {
    accepted inserted updated unchanged
    rejected { index code message }
  }
}`;

export interface Rec {
  sourceId: string;
  licenseType: string;
  date: string;
  consumed: number;
}

export interface Payload {
  accepted: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ index: number; code: string; message: string }>;
}

export function ingestAs(ds: DataSource, userId: string | null, records: Rec[]) {
  return runAs(usageSubgraph, ds, userId, INGEST, { records });
}

/** The payload; fails the test on any GraphQL error. */
export async function ingest(ds: DataSource, userId: string, records: Rec[]): Promise<Payload> {
  const result: ExecutionResult = await ingestAs(ds, userId, records);
  expect(result.errors).toBeUndefined();
  return (result.data as { ingestUsage: Payload }).ingestUsage;
}

/** Every stored usage row of the sources, as "source type day consumed customer region", sorted. */
export async function storedUsage(ds: DataSource, sourceIds: readonly string[]): Promise<string[]> {
  const rows: Array<Record<string, unknown>> = await ds.query(
    `SELECT source_id, license_type, day, consumed, customer_id, partner_id, subscription_id, region
       FROM license_usage WHERE source_id IN (${sourceIds.map(() => '?').join(',')})`,
    [...sourceIds],
  );
  return rows
    .map((r) =>
      [
        r.source_id,
        r.license_type,
        r.day,
        Number(r.consumed),
        r.customer_id,
        r.partner_id,
        r.subscription_id,
        r.region,
      ].join(' '),
    )
    .sort();
}

export function rowOf(
  record: Rec,
  source: { customerId: string; partnerId: string; subscriptionId: string; region: string },
): string {
  return [
    record.sourceId,
    record.licenseType,
    record.date,
    record.consumed,
    source.customerId,
    source.partnerId,
    source.subscriptionId,
    source.region,
  ].join(' ');
}

/** A new user holding the given roles (each on a customer or a partner). */
export async function addUser(
  ds: DataSource,
  userId: string,
  roles: Array<{ role: Role; customerId?: string; partnerId?: string }>,
): Promise<void> {
  await ds.getRepository(User).insert({
    id: userId,
    email: `${userId}@test.example`,
    displayName: userId,
  });
  await ds.getRepository(RoleAssignment).insert(
    roles.map(({ role, customerId, partnerId }, i) => ({
      id: `${userId}-${i}`,
      userId,
      role,
      customerId: customerId ?? null,
      partnerId: partnerId ?? null,
      scopeKey: customerId ? `customer:${customerId}` : `partner:${partnerId}`,
      createdAt: new Date(),
    })),
  );
}

export { Role };

/** 'YYYY-MM-DD' `n` days from today (UTC, by the clock the server reads). */
export function dayFromToday(n: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

/** What a usage row of the source copies from it, from the fixture. */
export function sourceFacts(fixture: GraphFixture, sourceId: string) {
  const source = [...fixture.clusters, ...fixture.tenants].find((s) => s.id === sourceId);
  const subscription = fixture.subscriptions.find((s) => s.id === source?.subscriptionId);
  const customer = fixture.customers.find((c) => c.id === subscription?.customerId);
  if (!source || !subscription || !customer) throw new Error(`no source ${sourceId}`);
  return {
    customerId: customer.id,
    partnerId: customer.partnerId,
    subscriptionId: subscription.id,
    region: source.region,
  };
}

/** The fixture's consumed value of a key, or undefined when it has none. */
export function fixtureConsumed(fixture: GraphFixture, key: Omit<Rec, 'consumed'>) {
  return fixture.usage.find(
    (u) => u.sourceId === key.sourceId && u.licenseType === key.licenseType && u.date === key.date,
  )?.consumed;
}

/** `count` records of one source and license type on consecutive days from `from`. */
export function series(
  sourceId: string,
  licenseType: string,
  from: string,
  count: number,
  consumed: (i: number) => number = (i) => i % 500,
): Rec[] {
  const start = new Date(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => {
    const day = new Date(start);
    day.setUTCDate(day.getUTCDate() + i);
    return { sourceId, licenseType, date: day.toISOString().slice(0, 10), consumed: consumed(i) };
  });
}
