import type { ExecutionResult } from 'graphql';
import { FIXTURE_TODAY } from '../../support/graph-fixture';
import { licenseSummary, subscriptionsOfPartner } from '../../support/oracle';
import type { Summary } from '../../support/oracle';
import { partnerFullAdmin } from '../usage/setup';
import { customerOfSubscription } from './expected';
import { representations, useSubscriptionsDatabase } from './setup';

// Subscription.licenseSummary is resolved by this subgraph, not by the usage subgraph: Federation
// takes any object type named `Subscription` for the subscription root type, so only the subgraph
// that owns the entity can serve its fields. Checked here: the sums against the oracle's (through
// `subscription(id)` and through `_entities`, as the gateway reaches it), the viewer's scope, and
// a statement count that does not grow with the number of subscriptions.

const env = useSubscriptionsDatabase();

const SUMMARY =
  'id licenseSummary(asOf: $asOf) { licenseType purchased consumed available utilization asOf oldestReportOn }';
const BY_ID = `query($id: ID!, $asOf: Date) { subscription(id: $id) { ${SUMMARY} } }`;
const BY_REFERENCE = `query($representations: [_Any!]!, $asOf: Date) {
  _entities(representations: $representations) { ... on Subscription { ${SUMMARY} } }
}`;

// Today; the last day of the STANDARD entitlement that ended; the first day after it; the first
// day of the ROOM_SYSTEM entitlement that starts later; a day before any usage was reported.
const DAYS = [FIXTURE_TODAY, '2026-09-30', '2026-10-01', '2027-01-01', '2025-06-01'];

interface SubscriptionSummary {
  id: string;
  licenseSummary: Summary[];
}

function partnerOf(subscriptionId: string): string {
  const customerId = customerOfSubscription(env.fixture, subscriptionId);
  const customer = env.fixture.customers.find((c) => c.id === customerId);
  if (!customer) throw new Error(`no customer ${customerId} in the fixture`);
  return customer.partnerId;
}

function roleOf(userId: string): string[] {
  return env.fixture.roleAssignments.filter((a) => a.userId === userId).map((a) => a.role);
}

function byId(
  userId: string | null,
  id: string,
  asOf: string | null = null,
): Promise<ExecutionResult> {
  return env.run(userId, BY_ID, { id, asOf });
}

function byReference(
  userId: string | null,
  ids: readonly string[],
  asOf: string | null = null,
): Promise<ExecutionResult> {
  return env.run(userId, BY_REFERENCE, { ...representations('Subscription', ids), asOf });
}

/** The `_entities` list of a request that must not fail. */
function entitiesOf(result: ExecutionResult): Array<SubscriptionSummary | null> {
  expect(result.errors).toBeUndefined();
  return (result.data as { _entities: Array<SubscriptionSummary | null> })._entities;
}

/** The summary the oracle computes for one subscription, as the selection shows it. */
function expectedOf(id: string, asOf: string): SubscriptionSummary {
  return { id, licenseSummary: licenseSummary(env.fixture, [id], asOf) };
}

function expectedOfAll(asOf: string): Record<string, Summary[]> {
  const all = env.fixture.subscriptions.map((s) => expectedOf(s.id, asOf));
  // Some subscription has something to sum, so that equal answers cannot be two empty lists.
  expect(all.some((s) => s.licenseSummary.length > 0)).toBe(true);
  return Object.fromEntries(all.map((s) => [s.id, s.licenseSummary]));
}

/** Every subscription through `subscription(id)`, each asked by the full admin of its partner. */
async function summariesById(asOf: string | null): Promise<Record<string, Summary[]>> {
  const answers: Record<string, Summary[]> = {};
  for (const { id } of env.fixture.subscriptions) {
    const result = await byId(partnerFullAdmin(env.fixture, partnerOf(id)), id, asOf);
    expect(result.errors).toBeUndefined();
    const { subscription } = result.data as { subscription: SubscriptionSummary | null };
    if (!subscription) throw new Error(`${id} did not resolve`);
    answers[id] = subscription.licenseSummary;
  }
  return answers;
}

/** Every subscription through `_entities`, one request per partner by its full admin. */
async function summariesByReference(asOf: string | null): Promise<Record<string, Summary[]>> {
  const answers: Record<string, Summary[]> = {};
  for (const partner of env.fixture.partners) {
    const ids = subscriptionsOfPartner(env.fixture, partner.id);
    const entities = entitiesOf(
      await byReference(partnerFullAdmin(env.fixture, partner.id), ids, asOf),
    );
    entities.forEach((entity, i) => {
      if (!entity) throw new Error(`${ids[i]} did not resolve`);
      answers[ids[i]] = entity.licenseSummary;
    });
  }
  return answers;
}

describe.each([
  ['subscription(id)', summariesById],
  ['_entities', summariesByReference],
])('Subscription.licenseSummary through %s', (_path, summaries) => {
  it.each(DAYS)('sums what is purchased and consumed on %s', async (asOf) => {
    expect(await summaries(asOf)).toEqual(expectedOfAll(asOf));
  });

  it('defaults asOf to today', async () => {
    expect(await summaries(null)).toEqual(expectedOfAll(FIXTURE_TODAY));
  });
});

describe('Subscription.licenseSummary out of scope', () => {
  it('is null for a subscription of another partner', async () => {
    expect(partnerOf('Sub-400001')).toBe('p-south');
    const result = await byId('u-pfa-north', 'Sub-400001');
    expect(result).toEqual({ data: { subscription: null } });
    expect(entitiesOf(await byReference('u-pfa-north', ['Sub-400001', 'Sub-100001']))).toEqual([
      null,
      expectedOf('Sub-100001', FIXTURE_TODAY),
    ]);
  });

  it('is null for another customer of the same partner, to a customer admin', async () => {
    expect(roleOf('u-fa-acme')).toEqual(['FULL_ADMIN']);
    expect(customerOfSubscription(env.fixture, 'Sub-200001')).toBe('c-globex');
    expect(await byId('u-fa-acme', 'Sub-200001')).toEqual({ data: { subscription: null } });
    expect(entitiesOf(await byReference('u-fa-acme', ['Sub-200001', 'Sub-100001']))).toEqual([
      null,
      expectedOf('Sub-100001', FIXTURE_TODAY),
    ]);
  });

  it('is null to a collector, which reads nothing, even under its own customer', async () => {
    expect(roleOf('u-uc-acme')).toEqual(['USAGE_COLLECTOR']);
    expect(customerOfSubscription(env.fixture, 'Sub-100001')).toBe('c-acme');
    expect(await byId('u-uc-acme', 'Sub-100001')).toEqual({ data: { subscription: null } });
    expect(entitiesOf(await byReference('u-uc-acme', ['Sub-100001']))).toEqual([null]);
  });

  it('looks exactly like an id that does not exist', async () => {
    expect(await byId('u-pfa-north', 'Sub-400001')).toEqual(
      await byId('u-pfa-north', 'Sub-400001-nope'),
    );
    expect(await byReference('u-pfa-north', ['Sub-400001'])).toEqual(
      await byReference('u-pfa-north', ['Sub-400001-nope']),
    );
  });

  it('refuses a request without a token', async () => {
    for (const result of [
      await byId(null, 'Sub-100001'),
      await byReference(null, ['Sub-100001']),
    ]) {
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
  });
});

describe('Subscription.licenseSummary statement counts', () => {
  it('_entities: the same for 2 subscriptions as for all of a partner', async () => {
    const all = subscriptionsOfPartner(env.fixture, 'p-north');
    expect(all.length).toBeGreaterThan(2);
    const statementsOf = async (ids: readonly string[]) => {
      const { result, statements } = await env.counter.measure(() =>
        byReference('u-pfa-north', ids, FIXTURE_TODAY),
      );
      const entities = entitiesOf(result);
      expect(entities.every((entity) => entity !== null && entity.licenseSummary.length > 0)).toBe(
        true,
      );
      return statements;
    };
    const two = await statementsOf(all.slice(0, 2));
    const many = await statementsOf(all);
    expect(many).toHaveLength(two.length);
    // The viewer, the references, the summaries.
    expect(two).toHaveLength(3);
  });
});
