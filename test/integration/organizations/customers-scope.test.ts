import { FIXTURE_TODAY } from '../../support/graph-fixture';
import { customers, describeList } from './customer-list';
import * as expected from './expected';
import { useOrganizationsDatabase } from './setup';

// Query.customers spans every partner and customer the viewer may read; Partner.customers is the
// same list cut to one partner. Each user must see exactly its customers, no more, no fewer.

const env = useOrganizationsDatabase();

const users = () => env.fixture.users.map((u) => u.id);

function nameOrder(ids: Iterable<string>): string[] {
  return expected.ordered(env.fixture, ids, 'NAME', 'ASC', FIXTURE_TODAY);
}

describe('Query.customers', () => {
  it('lists exactly the customers each user reads, by name, with their partner', async () => {
    for (const userId of users()) {
      const readable = expected.readableCustomers(env.fixture, userId);
      const connection = await customers(env, userId, {});
      const want = nameOrder(readable).map((id) => {
        const customer = env.fixture.customers.find((c) => c.id === id)!;
        const partner = env.fixture.partners.find((p) => p.id === customer.partnerId)!;
        return { id, name: customer.name, partner: { id: partner.id, name: partner.name } };
      });
      expect({ userId, totalCount: connection?.totalCount, nodes: connection?.edges }).toEqual({
        userId,
        totalCount: readable.size,
        nodes: want.map((node) => ({ cursor: expect.any(String), node })),
      });
    }
  });

  it('gives each role what the contract says', async () => {
    const north = expected.customersOfPartner(env.fixture, 'p-north');
    const south = expected.customersOfPartner(env.fixture, 'p-south');
    const seen = async (userId: string) =>
      (await customers(env, userId, { first: 500 }))!.nodes.map((n) => n.id).sort();
    // Partner full and read-only admins: every customer of their partner.
    expect(await seen('u-pfa-north')).toEqual([...north].sort());
    expect(await seen('u-pro-north')).toEqual([...north].sort());
    expect(await seen('u-pfa-south')).toEqual([...south].sort());
    // A PARTNER_ADMIN: the customers it is assigned to, here two of its partner's.
    expect(await seen('u-pa-north')).toEqual(['c-acme', 'c-globex']);
    // Customer roles: their one customer.
    for (const userId of ['u-fa-acme', 'u-ro-acme', 'u-sa-acme']) {
      expect({ userId, ids: await seen(userId) }).toEqual({ userId, ids: ['c-acme'] });
    }
    // Roles across partners add up.
    expect(await seen('u-mixed')).toEqual([...south, 'c-initech'].sort());
    // Collectors write usage and read nothing; a user without roles reads nothing.
    for (const userId of ['u-uc-north', 'u-uc-acme', 'u-none']) {
      expect({ userId, ids: await seen(userId) }).toEqual({ userId, ids: [] });
    }
  });

  it('counts every readable customer, not the page', async () => {
    const connection = await customers(env, 'u-pfa-north', { first: 2 });
    expect(connection!.edges).toHaveLength(2);
    expect(connection!.totalCount).toBe(
      expected.readableCustomers(env.fixture, 'u-pfa-north').size,
    );
    expect(connection!.totalCount).toBeGreaterThan(2);
  });

  it('pages by 50 when first is not given', async () => {
    // The fixture has fewer than 50 customers: the default page holds all, with no next page.
    const connection = await customers(env, 'u-pfa-north', {});
    expect(connection!.pageInfo.hasNextPage).toBe(false);
    expect(connection!.edges).toHaveLength(connection!.totalCount);
  });
});

describe('Partner.customers', () => {
  it("lists exactly the partner's customers that each user reads", async () => {
    for (const userId of users()) {
      const readable = expected.readableCustomers(env.fixture, userId);
      const partners = expected.visiblePartners(env.fixture, userId);
      for (const partner of env.fixture.partners) {
        const list = { partnerId: partner.id };
        const connection = await customers(env, userId, {}, list);
        const want = expected
          .customersOfPartner(env.fixture, partner.id)
          .filter((id) => readable.has(id));
        const answer = connection && {
          totalCount: connection.totalCount,
          ids: connection.nodes.map((n) => n.id),
        };
        expect({ userId, list: describeList(list), answer }).toEqual({
          userId,
          list: describeList(list),
          answer: partners.has(partner.id)
            ? { totalCount: want.length, ids: nameOrder(want) }
            : null,
        });
      }
    }
  });

  it("leaves another partner's customers out even for a viewer who reads them", async () => {
    // u-mixed reads all of Southwind and one Northwind customer.
    const north = await customers(env, 'u-mixed', {}, { partnerId: 'p-north' });
    expect(north!.nodes).toEqual([{ id: 'c-initech' }]);
    expect(north!.totalCount).toBe(1);
  });
});
