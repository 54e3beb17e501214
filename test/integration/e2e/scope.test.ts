import { GATEWAY_HEADERS, asUser } from '../../support/stack';
import { useFixtureStack } from './fixture-stack';

// A partner admin of Southwind asks for Northwind's things: through the gateway they look exactly
// like things that do not exist, and so do their `_entities` references sent to each subgraph.

const NORTH = {
  partner: 'p-north',
  customer: 'c-acme',
  subscription: 'Sub-100001',
  cluster: 'cl-ams-1',
  tenant: 't-acme-us',
};

const LOOKUPS = `query($partner: ID!, $customer: ID!, $subscription: ID!, $cluster: ID!, $tenant: ID!) {
  partner(id: $partner) { id name }
  customer(id: $customer) { id name }
  subscription(id: $subscription) { id }
  cluster(id: $cluster) { id }
  tenant(id: $tenant) { id }
}`;

describe('scope through the gateway', () => {
  const { stack } = useFixtureStack();

  it("gives another partner's admin null for each of Northwind's objects", async () => {
    const { body } = await stack.request(LOOKUPS, NORTH, await asUser(stack, 'u-pfa-south'));
    expect(body).toEqual({
      data: { partner: null, customer: null, subscription: null, cluster: null, tenant: null },
    });
  });

  it('answers a hidden id byte for byte like a missing one', async () => {
    const headers = await asUser(stack, 'u-pfa-south');
    const hidden = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: LOOKUPS, variables: NORTH }),
    });
    const missing = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        query: LOOKUPS,
        variables: {
          partner: 'p-x',
          customer: 'c-x',
          subscription: 'S-x',
          cluster: 'cl-x',
          tenant: 't-x',
        },
      }),
    });
    expect(await hidden.text()).toBe(await missing.text());
  });

  it("leaves Northwind's customers out of Southwind's lists", async () => {
    const { body } = await stack.request(
      '{ customers { totalCount nodes { id } } partner(id: "p-south") { customers { nodes { id } } } }',
      {},
      await asUser(stack, 'u-pfa-south'),
    );
    expect(body.data).toEqual({
      customers: { totalCount: 2, nodes: [{ id: 'c-umbrella' }, { id: 'c-wayne' }] },
      partner: { customers: { nodes: [{ id: 'c-umbrella' }, { id: 'c-wayne' }] } },
    });
  });

  it("gives a user without roles nothing, and Northwind's admin Northwind", async () => {
    const none = await stack.request(LOOKUPS, NORTH, await asUser(stack, 'u-none'));
    expect(none.body.data).toEqual({
      partner: null,
      customer: null,
      subscription: null,
      cluster: null,
      tenant: null,
    });
    const north = await stack.request(LOOKUPS, NORTH, await asUser(stack, 'u-pfa-north'));
    expect(north.body.data).toEqual({
      partner: { id: 'p-north', name: 'Northwind Telecom' },
      customer: { id: 'c-acme', name: 'Acme Corp' },
      subscription: { id: 'Sub-100001' },
      cluster: { id: 'cl-ams-1' },
      tenant: { id: 't-acme-us' },
    });
  });

  const references: Array<[string, string, string]> = [
    ['organizations', 'Partner', NORTH.partner],
    ['organizations', 'Customer', NORTH.customer],
    ['subscriptions', 'Customer', NORTH.customer],
    ['subscriptions', 'LicenseSubscription', NORTH.subscription],
    ['subscriptions', 'Cluster', NORTH.cluster],
    ['subscriptions', 'Tenant', NORTH.tenant],
    ['usage', 'Partner', NORTH.partner],
    ['usage', 'Customer', NORTH.customer],
    ['usage', 'LicenseSubscription', NORTH.subscription],
    ['usage', 'Cluster', NORTH.cluster],
    ['usage', 'Tenant', NORTH.tenant],
  ];

  it.each(references)(
    'resolves %s _entities %s of another partner to null (and to the object for its own admin)',
    async (subgraph, typename, id) => {
      const url = stack.stack.servers[subgraph as 'usage']!.url;
      const query = `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${typename} { id } } }`;
      const ask = async (userId: string) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...GATEWAY_HEADERS,
            ...(await asUser(stack, userId)),
          },
          body: JSON.stringify({ query, variables: { r: [{ __typename: typename, id }] } }),
        });
        return response.json();
      };
      expect(await ask('u-pfa-south')).toEqual({ data: { _entities: [null] } });
      expect(await ask('u-pfa-north')).toEqual({
        data: { _entities: [{ __typename: typename, id }] },
      });
    },
  );
});
