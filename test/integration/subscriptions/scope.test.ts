import { entitiesQuery } from '../../support/subgraph';
import * as expected from './expected';
import { representations, useSubscriptionsDatabase } from './setup';

// Scope: something out of the viewer's scope looks exactly like something that does not exist,
// through the root lookups and through `_entities` alike. The expectations come from the role
// meanings of the contract applied to the fixture's assignments (expected.readableCustomers).

const env = useSubscriptionsDatabase();

const NORTH_ADMIN = 'u-pfa-north';
const SOUTH = { subscription: 'Sub-400001', cluster: 'cl-umb-1', tenant: 't-umb-1' };

/** One query looking every id up under an alias; the answer maps each id to its lookup. */
async function lookUpAll(
  userId: string,
  field: 'subscription' | 'cluster' | 'tenant',
  ids: string[],
) {
  const aliases = ids.map((id, i) => `a${i}: ${field}(id: ${JSON.stringify(id)}) { id }`);
  const data = await env.data(userId, `{ ${aliases.join('\n')} }`);
  return Object.fromEntries(ids.map((id, i) => [id, data[`a${i}`]]));
}

describe('a partner admin of one partner', () => {
  it('gets null for the other partner subscription, cluster and tenant', async () => {
    const data = await env.data(
      NORTH_ADMIN,
      `query($s: ID!, $c: ID!, $t: ID!) {
        subscription(id: $s) { id } cluster(id: $c) { id } tenant(id: $t) { id }
      }`,
      { s: SOUTH.subscription, c: SOUTH.cluster, t: SOUTH.tenant },
    );
    expect(data).toEqual({ subscription: null, cluster: null, tenant: null });
  });

  it('gets null for the same ids sent as _entities representations', async () => {
    for (const [typename, id] of [
      ['LicenseSubscription', SOUTH.subscription],
      ['Cluster', SOUTH.cluster],
      ['Tenant', SOUTH.tenant],
      ['Customer', 'c-umbrella'],
    ]) {
      const data = await env.data(
        NORTH_ADMIN,
        entitiesQuery(typename, 'id'),
        representations(typename, [id]),
      );
      expect({ typename, entities: data._entities }).toEqual({ typename, entities: [null] });
    }
  });

  it('cannot tell an out-of-scope id from one that does not exist', async () => {
    const query = `query($id: ID!) { subscription(id: $id) { id } }`;
    const outOfScope = await env.run(NORTH_ADMIN, query, { id: SOUTH.subscription });
    const missing = await env.run(NORTH_ADMIN, query, { id: 'Sub-999999' });
    expect(outOfScope).toEqual(missing);
  });
});

describe('every user of the fixture', () => {
  const users = () => env.fixture.users.map((u) => u.id);

  it('looks up exactly the subscriptions, clusters and tenants of the customers it reads', async () => {
    for (const userId of users()) {
      const readable = expected.readableCustomers(env.fixture, userId);
      const lookups = [
        ['subscription', env.fixture.subscriptions, expected.customerOfSubscription],
        ['cluster', env.fixture.clusters, expected.customerOfSource],
        ['tenant', env.fixture.tenants, expected.customerOfSource],
      ] as const;
      for (const [field, rows, customerOf] of lookups) {
        const ids = rows.map((r) => r.id);
        const answer = await lookUpAll(userId, field, ids);
        const want = Object.fromEntries(
          ids.map((id) => [id, readable.has(customerOf(env.fixture, id)) ? { id } : null]),
        );
        expect({ userId, field, answer }).toEqual({ userId, field, answer: want });
      }
    }
  });

  it('resolves exactly the in-scope _entities representations, in order', async () => {
    for (const userId of users()) {
      const readable = expected.readableCustomers(env.fixture, userId);
      const types = [
        ['LicenseSubscription', env.fixture.subscriptions, expected.customerOfSubscription],
        ['Cluster', env.fixture.clusters, expected.customerOfSource],
        ['Tenant', env.fixture.tenants, expected.customerOfSource],
      ] as const;
      for (const [typename, rows, customerOf] of types) {
        const ids = rows.map((r) => r.id);
        const data = await env.data(
          userId,
          entitiesQuery(typename, 'id'),
          representations(typename, ids),
        );
        const want = ids.map((id) => (readable.has(customerOf(env.fixture, id)) ? { id } : null));
        expect({ userId, typename, entities: data._entities }).toEqual({
          userId,
          typename,
          entities: want,
        });
      }
    }
  });

  it('resolves the customers it may see, listing only the subscriptions it reads', async () => {
    // A customer named by the viewer's own assignment (a collector's) is visible, as in the
    // organizations subgraph, but its subscriptions are not readable: they are left out.
    for (const userId of users()) {
      const readable = expected.readableCustomers(env.fixture, userId);
      const visible = expected.visibleCustomers(env.fixture, userId);
      const ids = env.fixture.customers.map((c) => c.id);
      const data = await env.data(
        userId,
        entitiesQuery('Customer', 'id subscriptions { id }'),
        representations('Customer', ids),
      );
      const want = ids.map((id) =>
        visible.has(id)
          ? {
              id,
              subscriptions: readable.has(id)
                ? expected.subscriptionIdsOf(env.fixture, id).map((s) => ({ id: s }))
                : [],
            }
          : null,
      );
      expect({ userId, entities: data._entities }).toEqual({ userId, entities: want });
    }
  });
});

describe('a user without roles', () => {
  it('gets null for everything', async () => {
    const userId = 'u-none';
    expect(env.fixture.roleAssignments.some((a) => a.userId === userId)).toBe(false);
    const [subscription] = env.fixture.subscriptions;
    const [cluster] = env.fixture.clusters;
    const [tenant] = env.fixture.tenants;
    const data = await env.data(
      userId,
      `query($s: ID!, $c: ID!, $t: ID!) {
        subscription(id: $s) { id } cluster(id: $c) { id } tenant(id: $t) { id }
      }`,
      { s: subscription.id, c: cluster.id, t: tenant.id },
    );
    expect(data).toEqual({ subscription: null, cluster: null, tenant: null });
    const customers = await env.data(
      userId,
      entitiesQuery('Customer', 'id subscriptions { id }'),
      representations('Customer', [subscription.customerId]),
    );
    expect(customers._entities).toEqual([null]);
  });
});

describe('a request without a token', () => {
  it.each([
    ['subscription', '{ subscription(id: "Sub-100001") { id } }'],
    ['cluster', '{ cluster(id: "cl-ams-1") { id } }'],
    ['tenant', '{ tenant(id: "t-acme-us") { id } }'],
    ['_entities', entitiesQuery('LicenseSubscription', 'id')],
  ])('is refused on %s with UNAUTHENTICATED', async (field, query) => {
    const result = await env.run(
      null,
      query,
      representations('LicenseSubscription', ['Sub-100001']),
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    // A nullable root field answers null beside the error; `_entities` is not nullable.
    expect((result.data as Record<string, unknown> | null)?.[field] ?? null).toBeNull();
  });

  it('still gets the SDL from _service', async () => {
    const data = await env.data(null, '{ _service { sdl } }');
    expect((data._service as { sdl: string }).sdl).toContain('interface UsageSource');
  });
});
