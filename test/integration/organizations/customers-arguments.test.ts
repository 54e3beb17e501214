import { askCustomers, customers, describeList } from './customer-list';
import type { ListArguments, ListOf } from './customer-list';
import { errorCodes, useOrganizationsDatabase } from './setup';

// Bad arguments of the customer lists are BAD_USER_INPUT naming the argument, on both entry
// points, and nothing else: no data, no SQL in the message.

const env = useOrganizationsDatabase();

const ADMIN = 'u-pfa-north';
const LISTS: ListOf[] = [{}, { partnerId: 'p-north' }];

async function expectRefused(args: ListArguments, argumentName: string | undefined) {
  for (const list of LISTS) {
    const result = await askCustomers(env, ADMIN, args, list);
    expect({ list: describeList(list), args, errors: errorCodes(result) }).toEqual({
      list: describeList(list),
      args,
      errors: [{ code: 'BAD_USER_INPUT', argumentName }],
    });
    expect(result.errors![0].message).not.toMatch(/select|where|sql/i);
  }
}

async function cursorOf(orderBy: ListArguments['orderBy']): Promise<string> {
  const connection = await customers(env, ADMIN, { first: 1, orderBy });
  return connection!.pageInfo.endCursor!;
}

describe('first', () => {
  it.each([0, -1, 501, 100000])('refuses %i', async (first) => {
    await expectRefused({ first }, 'first');
  });

  it('accepts 1 and 500', async () => {
    for (const first of [1, 500]) {
      const connection = await customers(env, ADMIN, { first });
      expect(connection!.edges.length).toBe(Math.min(first, connection!.totalCount));
    }
  });

  it('takes null as the default page size', async () => {
    const connection = await customers(env, ADMIN, { first: null });
    expect(connection!.edges.length).toBe(connection!.totalCount);
  });
});

describe('after', () => {
  it.each([
    ['not base64 JSON', 'not a cursor'],
    ['empty', ''],
    ['JSON that is not a key', Buffer.from('{"id":"c-acme"}').toString('base64url')],
    ['a key of the wrong length', Buffer.from('["NAME:ASC","Acme Corp"]').toString('base64url')],
    ['a key holding an object', Buffer.from('["NAME:ASC",{},"c-acme"]').toString('base64url')],
    ['a number for a name', Buffer.from('["NAME:ASC",5,"c-acme"]').toString('base64url')],
    ['a null id', Buffer.from('["NAME:ASC","Acme Corp",null]').toString('base64url')],
  ])('refuses a malformed cursor (%s)', async (_what, after) => {
    await expectRefused({ after }, 'after');
  });

  it('refuses a utilization cursor whose utilization is not a number', async () => {
    const orderBy = { field: 'UTILIZATION', direction: 'ASC' };
    const after = Buffer.from('["UTILIZATION:ASC","0.5","c-acme"]').toString('base64url');
    await expectRefused({ after, orderBy }, 'after');
  });

  it.each([
    [
      { field: 'NAME', direction: 'ASC' },
      { field: 'NAME', direction: 'DESC' },
    ],
    [
      { field: 'NAME', direction: 'ASC' },
      { field: 'UTILIZATION', direction: 'ASC' },
    ],
    [
      { field: 'UTILIZATION', direction: 'DESC' },
      { field: 'UTILIZATION', direction: 'ASC' },
    ],
    [{ field: 'UTILIZATION', direction: 'ASC' }, undefined],
  ])('refuses a cursor of %j used with %j', async (from, orderBy) => {
    await expectRefused({ after: await cursorOf(from), orderBy }, 'after');
  });

  it('accepts a cursor of the same ordering from the other entry point', async () => {
    const orderBy = { field: 'NAME', direction: 'ASC' };
    const first = await customers(env, ADMIN, { first: 1, orderBy }, { partnerId: 'p-north' });
    const rest = await customers(env, ADMIN, { orderBy, after: first!.pageInfo.endCursor });
    expect(rest!.nodes.map((n) => n.id)).not.toContain(first!.nodes[0].id);
    expect(rest!.nodes).toHaveLength(rest!.totalCount - 1);
  });
});

describe('filter', () => {
  it.each([
    ['an empty regions list', { regions: [] }],
    ['an empty subscriptionKinds list', { subscriptionKinds: [] }],
    ['too many regions', { regions: Array.from({ length: 101 }, (_, i) => `R${i}`) }],
    ['a name longer than 200 characters', { nameContains: 'x'.repeat(201) }],
  ])('refuses %s', async (_what, filter) => {
    await expectRefused({ filter }, 'filter');
  });
});
