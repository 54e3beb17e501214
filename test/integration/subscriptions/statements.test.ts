import { entitiesQuery } from '../../support/subgraph';
import * as expected from './expected';
import { representations, useSubscriptionsDatabase } from './setup';

// No N+1: the number of statements a request runs depends on the shape of the query, never on
// how many subscriptions, clusters, tenants, servers or entitlements it returns.

const env = useSubscriptionsDatabase();

const NORTH_ADMIN = 'u-pfa-north';

/** Statements of one request, failing the test on an error. */
async function statementsOf(source: string, variables: Record<string, unknown>) {
  const { result, statements } = await env.counter.measure(() =>
    env.run(NORTH_ADMIN, source, variables),
  );
  expect(result.errors).toBeUndefined();
  return { data: result.data as Record<string, unknown>, statements };
}

// The fields of DedicatedInstanceUsageDetails that this subgraph answers.
const DEDICATED_INSTANCE_DETAILS = `query($id: ID!) {
  subscription(id: $id) {
    id kind customer { id }
    clusters { id name region servers { hostname role } subscription { id } }
  }
}`;

// The fields of SubscriptionOverview (and of PartnerCustomerSubtree's customers) that this
// subgraph answers, reached the way the gateway reaches them: Customer representations.
const SUBSCRIPTION_OVERVIEW = entitiesQuery(
  'Customer',
  `id subscriptions {
    id kind status startDate endDate
    entitlements { licenseType quantity startDate endDate }
    clusters { id name region servers { hostname role } }
    tenants { id name region subscription { id } }
  }`,
);

describe('statement counts', () => {
  it('DedicatedInstanceUsageDetails: the same for one cluster as for many', async () => {
    const one = await statementsOf(DEDICATED_INSTANCE_DETAILS, { id: 'Sub-300001' });
    const many = await statementsOf(DEDICATED_INSTANCE_DETAILS, { id: 'Sub-100001' });
    // The fixture must make the difference real: one cluster with one server against several.
    expect(expected.clusters(env.fixture, 'Sub-300001')).toHaveLength(1);
    expect(expected.clusters(env.fixture, 'Sub-100001').length).toBeGreaterThan(2);
    expect((many.data.subscription as { clusters: unknown[] }).clusters).toHaveLength(
      expected.clusters(env.fixture, 'Sub-100001').length,
    );
    expect(many.statements.length).toBe(one.statements.length);
    // viewer, subscription, its sources, their servers (Cluster.subscription is cached).
    expect(one.statements.length).toBeLessThanOrEqual(4);
  });

  it('SubscriptionOverview: the same for a customer with one subscription as for many', async () => {
    expect(expected.subscriptionIdsOf(env.fixture, 'c-initech')).toHaveLength(1);
    expect(expected.subscriptionIdsOf(env.fixture, 'c-acme').length).toBeGreaterThan(1);
    const one = await statementsOf(
      SUBSCRIPTION_OVERVIEW,
      representations('Customer', ['c-initech']),
    );
    const many = await statementsOf(SUBSCRIPTION_OVERVIEW, representations('Customer', ['c-acme']));
    expect(many.statements.length).toBe(one.statements.length);
  });

  it('SubscriptionOverview: the same for one customer as for every customer at once', async () => {
    const all = env.fixture.customers.map((c) => c.id);
    const one = await statementsOf(
      SUBSCRIPTION_OVERVIEW,
      representations('Customer', ['c-initech']),
    );
    const many = await statementsOf(SUBSCRIPTION_OVERVIEW, representations('Customer', all));
    const readable = expected.readableCustomers(env.fixture, NORTH_ADMIN);
    expect((many.data._entities as unknown[]).filter(Boolean)).toHaveLength(readable.size);
    expect(readable.size).toBeGreaterThan(1);
    expect(many.statements.length).toBe(one.statements.length);
    // viewer, customers, subscriptions, entitlements, sources, servers (subscription is cached).
    expect(one.statements.length).toBeLessThanOrEqual(6);
  });

  it('subscription filters: one statement per distinct filter, not per customer', async () => {
    const query = entitiesQuery(
      'Customer',
      `a: subscriptions(kinds: [MULTI_TENANT]) { id }
       b: subscriptions(statuses: [ACTIVE]) { id }
       c: subscriptions(kinds: [MULTI_TENANT]) { id }`,
    );
    const all = env.fixture.customers.map((c) => c.id);
    const one = await statementsOf(query, representations('Customer', ['c-initech']));
    const many = await statementsOf(query, representations('Customer', all));
    expect(many.statements.length).toBe(one.statements.length);
  });

  it('Cluster and Tenant references: the same for one as for all', async () => {
    for (const [typename, ids] of [
      ['Cluster', env.fixture.clusters.map((c) => c.id)],
      ['Tenant', env.fixture.tenants.map((t) => t.id)],
    ] as const) {
      const query = entitiesQuery(
        typename,
        `id name subscription { id entitlements { quantity } customer { id } }`,
      );
      const one = await statementsOf(query, representations(typename, ids.slice(0, 1)));
      const many = await statementsOf(query, representations(typename, ids));
      expect({ typename, count: many.statements.length }).toEqual({
        typename,
        count: one.statements.length,
      });
    }
  });
});
