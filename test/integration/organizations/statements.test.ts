import { entitiesQuery } from '../../support/subgraph';
import { representations, useOrganizationsDatabase } from './setup';

// No N+1: the number of statements a request runs depends on the shape of the query, never on
// how many customers, partners or role assignments it returns.

const env = useOrganizationsDatabase();

const ADMIN = 'u-pfa-north';

/** Statements of one request, failing the test on an error. */
async function statementsOf(userId: string, source: string, variables: Record<string, unknown>) {
  const { result, statements } = await env.counter.measure(() =>
    env.run(userId, source, variables),
  );
  expect(result.errors).toBeUndefined();
  return { data: result.data as Record<string, unknown>, statements };
}

const CUSTOMER_PAGE = `query($first: Int, $orderBy: CustomerOrder) {
  customers(first: $first, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id name partner { id name } } }
  }
}`;

const PARTNER_PAGE = `query($first: Int, $orderBy: CustomerOrder) {
  partner(id: "p-north") {
    id
    customers(first: $first, orderBy: $orderBy) { nodes { id name partner { id name } } }
  }
}`;

describe('statement counts', () => {
  type Page = { customers: { edges?: unknown[]; nodes?: unknown[] } };
  const rootPage = (data: Record<string, unknown>) => (data as Page).customers.edges!;
  const partnerPage = (data: Record<string, unknown>) => (data.partner as Page).customers.nodes!;

  it.each([
    ['Query.customers by name', CUSTOMER_PAGE, rootPage, { field: 'NAME', direction: 'ASC' }],
    ['Query.customers by utilization', CUSTOMER_PAGE, rootPage, { field: 'UTILIZATION' }],
    ['Partner.customers by name', PARTNER_PAGE, partnerPage, { field: 'NAME', direction: 'DESC' }],
    ['Partner.customers by utilization', PARTNER_PAGE, partnerPage, { field: 'UTILIZATION' }],
  ])('%s: the same for first=1 as for first=5', async (_name, source, page, orderBy) => {
    const one = await statementsOf(ADMIN, source, { first: 1, orderBy });
    const five = await statementsOf(ADMIN, source, { first: 5, orderBy });
    expect(page(one.data)).toHaveLength(1);
    expect(page(five.data)).toHaveLength(5);
    expect(five.statements).toHaveLength(one.statements.length);
    // The viewer, the page, its count, and one batch of partners.
    expect(five.statements.length).toBeLessThanOrEqual(4);
  });

  it('_entities: the same for one Customer as for all of them', async () => {
    const selection = 'id name partner { id name }';
    const all = env.fixture.customers.map((c) => c.id);
    const one = await statementsOf(
      ADMIN,
      entitiesQuery('Customer', selection),
      representations('Customer', all.slice(0, 1)),
    );
    const many = await statementsOf(
      ADMIN,
      entitiesQuery('Customer', selection),
      representations('Customer', all),
    );
    expect((one.data._entities as unknown[]).filter(Boolean)).toHaveLength(1);
    expect((many.data._entities as unknown[]).filter(Boolean).length).toBeGreaterThan(4);
    expect(many.statements).toHaveLength(one.statements.length);
  });

  it('_entities: the same for one RoleAssignment as for all of them', async () => {
    const selection = 'id role user { id email } partner { id name } customer { id name }';
    const visible = env.assignments.map((a) => a.id);
    const one = await statementsOf(
      ADMIN,
      entitiesQuery('RoleAssignment', selection),
      // One assignment of each scope level, so that both partner and customer are loaded.
      representations('RoleAssignment', [
        env.assignments.find((a) => a.userId === 'u-pfa-north')!.id,
        env.assignments.find((a) => a.userId === 'u-fa-acme')!.id,
      ]),
    );
    const many = await statementsOf(
      ADMIN,
      entitiesQuery('RoleAssignment', selection),
      representations('RoleAssignment', visible),
    );
    expect((many.data._entities as unknown[]).filter(Boolean).length).toBeGreaterThan(5);
    expect(many.statements).toHaveLength(one.statements.length);
  });

  it('viewer: the same for one customer role as for two', async () => {
    const source = `{ viewer { user { id } roles { id partner { id } customer { id name partner { id } } } } }`;
    const one = await statementsOf('u-fa-acme', source, {});
    const two = await statementsOf('u-pa-north', source, {});
    expect((two.data.viewer as { roles: unknown[] }).roles).toHaveLength(2);
    expect(two.statements).toHaveLength(one.statements.length);
  });
  it('Partner.customers under every partner of a page: the same for one partner as for two', async () => {
    const source = `query($first: Int, $orderBy: CustomerOrder) {
      customers(first: $first) {
        nodes { id partner { id customers(first: 2, orderBy: $orderBy) { totalCount nodes { id } } } }
      }
    }`;
    const orderBy = { field: 'UTILIZATION', direction: 'DESC' };
    type Nested = {
      customers: {
        nodes: Array<{
          partner: { id: string; customers: { totalCount: number; nodes: Array<{ id: string }> } };
        }>;
      };
    };
    // u-mixed reads all of Southwind and one customer of Northwind.
    const one = await statementsOf('u-mixed', source, { first: 1, orderBy });
    const all = await statementsOf('u-mixed', source, { first: 50, orderBy });
    const partners = new Map(
      (all.data as Nested).customers.nodes.map((n) => [n.partner.id, n.partner.customers]),
    );
    expect([...partners.keys()].sort()).toEqual(['p-north', 'p-south']);
    expect(all.statements).toHaveLength(one.statements.length);
    // Each partner's page is the start of that partner's customers in Query.customers, which
    // pages without the window over partners.
    const everyone = await statementsOf(
      'u-mixed',
      `query($orderBy: CustomerOrder) {
        customers(first: 50, orderBy: $orderBy) { nodes { id partner { id } } }
      }`,
      { orderBy },
    );
    const listed = (
      everyone.data as { customers: { nodes: Array<{ id: string; partner: { id: string } }> } }
    ).customers.nodes;
    for (const [partnerId, page] of partners) {
      const own = listed.filter((c) => c.partner.id === partnerId).map((c) => ({ id: c.id }));
      expect(page).toEqual({ totalCount: own.length, nodes: own.slice(0, 2) });
    }
    expect(partners.get('p-north')).toEqual({ totalCount: 1, nodes: [{ id: 'c-initech' }] });
  });
});
