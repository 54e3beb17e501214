import { FIXTURE_TODAY } from '../../support/graph-fixture';
import { customers, describeList, pageThrough } from './customer-list';
import type { ListArguments, ListOf } from './customer-list';
import * as expected from './expected';
import { useOrganizationsDatabase } from './setup';

// CustomerFilter: nameContains (case-insensitive, taken literally), regions (a cluster or tenant
// there) and subscriptionKinds, alone and together, always inside the viewer's scope.

const env = useOrganizationsDatabase();

/** Viewers for whom each filter has something to find and something to leave out. */
const LISTS: Array<[string, ListOf]> = [
  ['u-pfa-north', {}],
  ['u-pfa-south', {}],
  ['u-mixed', {}],
  ['u-pa-north', {}],
  ['u-mixed', { partnerId: 'p-south' }],
  ['u-pfa-north', { partnerId: 'p-north' }],
];

type Filter = {
  nameContains?: string;
  regions?: string[];
  subscriptionKinds?: string[];
};

/** The readable customers of the list that pass every part of the filter, by name. */
function want(userId: string, list: ListOf, filter: Filter): string[] {
  const passes = [
    filter.nameContains !== undefined && expected.customersNamed(env.fixture, filter.nameContains),
    filter.regions && expected.customersInRegions(env.fixture, filter.regions),
    filter.subscriptionKinds && expected.customersWithKinds(env.fixture, filter.subscriptionKinds),
  ].filter((set): set is Set<string> => Boolean(set));
  const ids = [...expected.readableCustomers(env.fixture, userId)].filter(
    (id) =>
      (!list.partnerId || expected.partnerOfCustomer(env.fixture, id) === list.partnerId) &&
      passes.every((set) => set.has(id)),
  );
  return expected.ordered(env.fixture, ids, 'NAME', 'ASC', FIXTURE_TODAY);
}

async function expectFiltered(filter: Filter, extra: ListArguments = {}) {
  for (const [userId, list] of LISTS) {
    const connection = await customers(env, userId, { ...extra, filter }, list);
    const ids = want(userId, list, filter);
    expect({ userId, list: describeList(list), filter, answer: connection }).toEqual({
      userId,
      list: describeList(list),
      filter,
      answer: expect.objectContaining({
        totalCount: ids.length,
        nodes: ids.map((id) => ({ id })),
      }),
    });
  }
}

describe('filter.nameContains', () => {
  it.each(['acme', 'ACME', 'aCmE', 'corp', 'o', 'Wayne Logistics', 'nothing like it', ''])(
    'finds the names containing %j, ignoring case',
    async (nameContains) => {
      await expectFiltered({ nameContains });
    },
  );

  it.each(['%', '0%', '_', 'r_s', 'e_', '%e', '\\', 'r\\d', '!', 's!', "'", '"'])(
    'takes %j literally',
    async (nameContains) => {
      await expectFiltered({ nameContains });
    },
  );

  it('treats the wildcards and escape characters as text, not as patterns', async () => {
    // Sanity of the fixture: each of these matches exactly one name, which a pattern would not.
    for (const [text, id] of [
      ['%', 'c-percent'],
      ['_', 'c-underscore'],
      ['\\', 'c-backslash'],
      ['!', 'c-backslash'],
    ]) {
      expect({ text, ids: [...expected.customersNamed(env.fixture, text)] }).toEqual({
        text,
        ids: [id],
      });
      const connection = await customers(env, 'u-mixed', { filter: { nameContains: text } });
      const all = await customers(env, 'u-pfa-north', { filter: { nameContains: text } });
      expect({ text, ids: [...connection!.nodes, ...all!.nodes].map((n) => n.id) }).toEqual({
        text,
        ids: [id],
      });
    }
  });
});

describe('filter.regions', () => {
  it.each([[['EMEA']], [['APJC']], [['AMER']], [['LATAM']], [['EMEA', 'LATAM']], [['MOON']]])(
    'finds the customers with a cluster or tenant in %j',
    async (regions) => {
      await expectFiltered({ regions });
    },
  );
});

describe('filter.subscriptionKinds', () => {
  it.each([[['MULTI_TENANT']], [['DEDICATED_INSTANCE']], [['MULTI_TENANT', 'DEDICATED_INSTANCE']]])(
    'finds the customers with a subscription of kind %j',
    async (subscriptionKinds) => {
      await expectFiltered({ subscriptionKinds });
    },
  );

  it('leaves out customers without subscriptions whatever the kinds asked', async () => {
    const both = { subscriptionKinds: ['MULTI_TENANT', 'DEDICATED_INSTANCE'] };
    const connection = await customers(env, 'u-pfa-north', { filter: both });
    const ids = connection!.nodes.map((n) => n.id);
    expect(ids).not.toContain('c-percent');
    expect(ids).not.toContain('c-underscore');
  });
});

describe('filters together', () => {
  it.each<Filter>([
    { nameContains: 'a', regions: ['EMEA'] },
    { nameContains: 'a', subscriptionKinds: ['MULTI_TENANT'] },
    { regions: ['APJC'], subscriptionKinds: ['DEDICATED_INSTANCE'] },
    { nameContains: 'e', regions: ['AMER', 'APJC'], subscriptionKinds: ['MULTI_TENANT'] },
  ])('require every part: %j', async (filter) => {
    await expectFiltered(filter);
  });

  it('page and order the filtered list only', async () => {
    const filter = { regions: ['EMEA', 'AMER', 'LATAM'] };
    const orderBy = { field: 'UTILIZATION', direction: 'DESC' };
    for (const [userId, list] of LISTS) {
      const ids = await pageThrough(env, userId, { first: 1, filter, orderBy }, list);
      const readable = want(userId, list, filter);
      expect({ userId, list: describeList(list), ids }).toEqual({
        userId,
        list: describeList(list),
        ids: expected.ordered(env.fixture, readable, 'UTILIZATION', 'DESC', FIXTURE_TODAY),
      });
    }
  });
});
