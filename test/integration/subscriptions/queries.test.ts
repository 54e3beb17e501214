import { entitiesQuery } from '../../support/subgraph';
import * as expected from './expected';
import { representations, useSubscriptionsDatabase } from './setup';

// Every field of the subscriptions subgraph, with real values, compared with what the fixture
// object says. Each entity is read by a partner full admin of its partner.

const env = useSubscriptionsDatabase();

/** The partner full admin of the customer's partner. */
function readerOf(customerId: string): string {
  const partnerId = env.fixture.customers.find((c) => c.id === customerId)?.partnerId;
  const admin = env.fixture.roleAssignments.find(
    (a) => a.role === 'PARTNER_FULL_ADMIN' && a.partnerId === partnerId,
  );
  if (!admin) throw new Error(`no partner full admin for ${customerId}`);
  return admin.userId;
}

describe('Query.subscription', () => {
  it('answers every subscription with its entitlements, clusters, servers and tenants', async () => {
    for (const { id, customerId } of env.fixture.subscriptions) {
      const data = await env.data(
        readerOf(customerId),
        `query($id: ID!) { subscription(id: $id) { ${expected.SUBSCRIPTION_FIELDS} } }`,
        { id },
      );
      expect(data.subscription).toEqual(expected.subscription(env.fixture, id));
    }
  });

  it('answers null for an unknown id and for an id spelt in another case', async () => {
    const [{ id, customerId }] = env.fixture.subscriptions;
    const data = await env.data(
      readerOf(customerId),
      `query($unknown: ID!, $otherCase: ID!) {
        unknown: subscription(id: $unknown) { id }
        otherCase: subscription(id: $otherCase) { id }
      }`,
      { unknown: 'Sub-999999', otherCase: id.toLowerCase() },
    );
    expect(data).toEqual({ unknown: null, otherCase: null });
  });
});

describe('Query.cluster and Query.tenant', () => {
  it('answers every cluster with its servers in role order and its subscription', async () => {
    for (const cluster of env.fixture.clusters) {
      const data = await env.data(
        readerOf(expected.customerOfSource(env.fixture, cluster.id)),
        `query($id: ID!) {
          cluster(id: $id) { id name region servers { hostname role } subscription { id kind } }
        }`,
        { id: cluster.id },
      );
      const subscription = expected.subscription(env.fixture, cluster.subscriptionId);
      expect(data.cluster).toEqual({
        id: cluster.id,
        name: cluster.name,
        region: cluster.region,
        servers: expected.servers(env.fixture, cluster.id),
        subscription: { id: subscription.id, kind: subscription.kind },
      });
    }
  });

  it('answers every tenant with its subscription', async () => {
    for (const tenant of env.fixture.tenants) {
      const data = await env.data(
        readerOf(expected.customerOfSource(env.fixture, tenant.id)),
        `query($id: ID!) { tenant(id: $id) { id name region subscription { id status } } }`,
        { id: tenant.id },
      );
      const subscription = expected.subscription(env.fixture, tenant.subscriptionId);
      expect(data.tenant).toEqual({
        id: tenant.id,
        name: tenant.name,
        region: tenant.region,
        subscription: { id: subscription.id, status: subscription.status },
      });
    }
  });

  it('reads the UsageSource fields through the interface', async () => {
    const [cluster] = env.fixture.clusters;
    const [tenant] = env.fixture.tenants;
    const fields = '... on UsageSource { id name region subscription { id } }';
    const data = await env.data(
      readerOf(expected.customerOfSource(env.fixture, cluster.id)),
      `query($cluster: ID!, $tenant: ID!) {
        cluster(id: $cluster) { ${fields} }
        tenant(id: $tenant) { ${fields} }
      }`,
      { cluster: cluster.id, tenant: tenant.id },
    );
    const shown = (s: { id: string; name: string; region: string; subscriptionId: string }) => ({
      id: s.id,
      name: s.name,
      region: s.region,
      subscription: { id: s.subscriptionId },
    });
    // The first tenant's customer is read by the same admin in the fixture; say so if not.
    expect(expected.customerOfSource(env.fixture, tenant.id)).toBe(
      expected.customerOfSource(env.fixture, cluster.id),
    );
    expect(data).toEqual({ cluster: shown(cluster), tenant: shown(tenant) });
  });

  it('answers null for a cluster asked as a tenant and the other way round', async () => {
    const [cluster] = env.fixture.clusters;
    const [tenant] = env.fixture.tenants;
    const data = await env.data(
      readerOf(expected.customerOfSource(env.fixture, cluster.id)),
      `query($cluster: ID!, $tenant: ID!) {
        asTenant: tenant(id: $cluster) { id }
        asCluster: cluster(id: $tenant) { id }
      }`,
      { cluster: cluster.id, tenant: tenant.id },
    );
    expect(data).toEqual({ asTenant: null, asCluster: null });
  });
});

describe('Customer.subscriptions', () => {
  const selection = `id
    all: subscriptions { id }
    multiTenant: subscriptions(kinds: [MULTI_TENANT]) { id }
    running: subscriptions(statuses: [ACTIVE, TRIAL]) { id }
    dedicatedActive: subscriptions(kinds: [DEDICATED_INSTANCE], statuses: [ACTIVE]) { id }`;

  it('lists each customer subscriptions by id, filtered by kinds and statuses', async () => {
    for (const customer of env.fixture.customers) {
      const data = await env.data(
        readerOf(customer.id),
        entitiesQuery('Customer', selection),
        representations('Customer', [customer.id]),
      );
      const ids = (filter: { kinds?: string[]; statuses?: string[] }) =>
        expected.subscriptionIdsOf(env.fixture, customer.id, filter).map((id) => ({ id }));
      expect(data._entities).toEqual([
        {
          id: customer.id,
          all: ids({}),
          multiTenant: ids({ kinds: ['MULTI_TENANT'] }),
          running: ids({ statuses: ['ACTIVE', 'TRIAL'] }),
          dedicatedActive: ids({ kinds: ['DEDICATED_INSTANCE'], statuses: ['ACTIVE'] }),
        },
      ]);
    }
  });

  it('answers the full subscription selection under a customer', async () => {
    const customerId = 'c-acme';
    const data = await env.data(
      readerOf(customerId),
      entitiesQuery('Customer', `subscriptions { ${expected.SUBSCRIPTION_FIELDS} }`),
      representations('Customer', [customerId]),
    );
    const ids = expected.subscriptionIdsOf(env.fixture, customerId);
    expect(ids.length).toBeGreaterThan(1);
    expect(data._entities).toEqual([
      { subscriptions: ids.map((id) => expected.subscription(env.fixture, id)) },
    ]);
  });

  it.each([
    ['an empty kinds list', 'kinds: []', 'kinds'],
    ['an empty statuses list', 'statuses: []', 'statuses'],
    [
      'more than 100 statuses',
      `statuses: [${new Array(101).fill('ACTIVE').join(', ')}]`,
      'statuses',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, args, name) => {
    const result = await env.run(
      readerOf('c-acme'),
      entitiesQuery('Customer', `subscriptions(${args}) { id }`),
      representations('Customer', ['c-acme']),
    );
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors!;
    expect(error.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error.message).toContain(name);
    expect(result.data).toEqual({ _entities: [null] });
  });
});

describe('_entities', () => {
  it('resolves LicenseSubscription, Cluster and Tenant references with their fields', async () => {
    const userId = readerOf('c-acme');
    const subscriptions = expected.subscriptionIdsOf(env.fixture, 'c-acme');
    const subscriptionData = await env.data(
      userId,
      entitiesQuery('LicenseSubscription', expected.SUBSCRIPTION_FIELDS),
      representations('LicenseSubscription', subscriptions),
    );
    expect(subscriptionData._entities).toEqual(
      subscriptions.map((id) => expected.subscription(env.fixture, id)),
    );

    const clusterIds = subscriptions.flatMap((id) =>
      expected.clusters(env.fixture, id).map((c) => c.id),
    );
    const clusterData = await env.data(
      userId,
      entitiesQuery('Cluster', 'id name region servers { hostname role }'),
      representations('Cluster', clusterIds),
    );
    expect(clusterData._entities).toEqual(
      subscriptions.flatMap((id) => expected.clusters(env.fixture, id)),
    );

    const tenantIds = subscriptions.flatMap((id) =>
      expected.tenants(env.fixture, id).map((t) => t.id),
    );
    const tenantData = await env.data(
      userId,
      entitiesQuery('Tenant', 'id name region'),
      representations('Tenant', tenantIds),
    );
    expect(tenantData._entities).toEqual(
      subscriptions.flatMap((id) => expected.tenants(env.fixture, id)),
    );
  });
});
