import { FIXTURE_TODAY } from '../../support/graph-fixture';
import { customers, describeList, pageThrough } from './customer-list';
import type { ListOf } from './customer-list';
import * as expected from './expected';
import type { Direction, OrderField } from './expected';
import { useOrganizationsDatabase } from './setup';

// Stable orders (the sort key, then the id) and keyset paging: following endCursor page by page
// meets every customer exactly once, in the order the whole list has.

const env = useOrganizationsDatabase();

const ORDERINGS: Array<[OrderField, Direction]> = [
  ['NAME', 'ASC'],
  ['NAME', 'DESC'],
  ['UTILIZATION', 'ASC'],
  ['UTILIZATION', 'DESC'],
  ['RECLAIMABLE', 'ASC'],
  ['RECLAIMABLE', 'DESC'],
];

/** Viewers whose lists hold the ties and the customers with nothing purchased. */
const LISTS: Array<[string, ListOf]> = [
  ['u-pfa-north', {}],
  ['u-mixed', {}],
  ['u-pfa-north', { partnerId: 'p-north' }],
  ['u-pfa-south', { partnerId: 'p-south' }],
];

function want(userId: string, list: ListOf, field: OrderField, direction: Direction): string[] {
  const readable = [...expected.readableCustomers(env.fixture, userId)].filter(
    (id) => !list.partnerId || expected.partnerOfCustomer(env.fixture, id) === list.partnerId,
  );
  return expected.ordered(env.fixture, readable, field, direction, FIXTURE_TODAY);
}

describe('the fixture', () => {
  it('holds what the orders must handle', () => {
    const names = env.fixture.customers.map((c) => c.name);
    expect(new Set(names).size).toBeLessThan(names.length);
    const byUtilization = env.fixture.customers.map((c) =>
      expected.utilization(env.fixture, c.id, FIXTURE_TODAY),
    );
    expect(byUtilization.filter((u) => u === null).length).toBeGreaterThanOrEqual(2);
    expect(byUtilization).toContain(0);
    expect(byUtilization.filter((u) => u !== null && u > 0).length).toBeGreaterThanOrEqual(5);
    const byReclaimable = env.fixture.customers.map((c) =>
      expected.reclaimableTotal(env.fixture, c.id, FIXTURE_TODAY),
    );
    expect(new Set(byReclaimable).size).toBeGreaterThanOrEqual(4);
  });
});

describe.each(ORDERINGS)('orderBy %s %s', (field, direction) => {
  const orderBy = { field, direction };

  it.each(LISTS)('lists %s its customers in order (%j)', async (userId, list) => {
    const connection = await customers(env, userId, { orderBy }, list);
    expect({ list: describeList(list), ids: connection!.nodes.map((n) => n.id) }).toEqual({
      list: describeList(list),
      ids: want(userId, list, field, direction),
    });
  });

  it.each([1, 2])('pages by %i through each customer exactly once, in order', async (first) => {
    for (const [userId, list] of LISTS) {
      const ids = await pageThrough(env, userId, { first, orderBy }, list);
      expect({ userId, list: describeList(list), ids }).toEqual({
        userId,
        list: describeList(list),
        ids: want(userId, list, field, direction),
      });
    }
  });
});

describe('ordering details', () => {
  it('sorts by name ascending when no order is given', async () => {
    const connection = await customers(env, 'u-pfa-north', {});
    expect(connection!.nodes.map((n) => n.id)).toEqual(want('u-pfa-north', {}, 'NAME', 'ASC'));
  });

  it('takes ASC as the direction when only the field is given', async () => {
    const connection = await customers(env, 'u-pfa-north', { orderBy: { field: 'UTILIZATION' } });
    expect(connection!.nodes.map((n) => n.id)).toEqual(
      want('u-pfa-north', {}, 'UTILIZATION', 'ASC'),
    );
  });

  it('breaks a tie of names by id, and reverses it for DESC', async () => {
    const ascending = await customers(env, 'u-pfa-north', { filter: { nameContains: 'acme' } });
    expect(ascending!.nodes).toEqual([{ id: 'c-acme' }, { id: 'c-acme-2' }]);
    const descending = await customers(env, 'u-pfa-north', {
      filter: { nameContains: 'acme' },
      orderBy: { field: 'NAME', direction: 'DESC' },
    });
    expect(descending!.nodes).toEqual([{ id: 'c-acme-2' }, { id: 'c-acme' }]);
  });

  it('puts customers with nothing purchased first ascending and last descending', async () => {
    const nothingPurchased = env.fixture.customers
      .filter((c) => c.partnerId === 'p-north')
      .filter((c) => expected.utilization(env.fixture, c.id, FIXTURE_TODAY) === null)
      .map((c) => c.id)
      .sort();
    expect(nothingPurchased).toEqual(['c-percent', 'c-underscore']);
    const ascending = await customers(env, 'u-pfa-north', {
      orderBy: { field: 'UTILIZATION', direction: 'ASC' },
    });
    expect(ascending!.nodes.slice(0, 2).map((n) => n.id)).toEqual(nothingPurchased);
    const descending = await customers(env, 'u-pfa-north', {
      orderBy: { field: 'UTILIZATION', direction: 'DESC' },
    });
    expect(descending!.nodes.slice(-2).map((n) => n.id)).toEqual(nothingPurchased.reverse());
  });
});
