import type { ExecutionResult } from 'graphql';
import type { OrganizationsDatabase } from './setup';

// Query.customers and Partner.customers asked the same way, so that every test of the list runs
// against both entry points.

const CONNECTION = `
  totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id name partner { id name } } }
  nodes { id }`;

const ARGUMENTS = `first: $first, after: $after, filter: $filter, orderBy: $orderBy`;
const VARIABLES = `$first: Int, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder`;

const ROOT_LIST = `query(${VARIABLES}) { customers(${ARGUMENTS}) { ${CONNECTION} } }`;
const PARTNER_LIST = `query($partnerId: ID!, ${VARIABLES}) {
  partner(id: $partnerId) { customers(${ARGUMENTS}) { ${CONNECTION} } }
}`;

export interface CustomerConnectionData {
  totalCount: number;
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  edges: Array<{
    cursor: string;
    node: { id: string; name: string; partner: { id: string; name: string } };
  }>;
  nodes: Array<{ id: string }>;
}

export interface ListArguments {
  first?: number | null;
  after?: string | null;
  filter?: Record<string, unknown>;
  orderBy?: { field: string; direction?: string };
}

/** Which list: Query.customers (no partner) or the named partner's Partner.customers. */
export type ListOf = { partnerId?: string };

export function describeList(list: ListOf): string {
  return list.partnerId ? `Partner(${list.partnerId}).customers` : 'Query.customers';
}

/** The raw result, errors included. */
export function askCustomers(
  env: OrganizationsDatabase,
  userId: string | null,
  args: ListArguments,
  list: ListOf = {},
): Promise<ExecutionResult> {
  return list.partnerId
    ? env.run(userId, PARTNER_LIST, { ...args, partnerId: list.partnerId })
    : env.run(userId, ROOT_LIST, { ...args });
}

/** The connection, failing the test on any error; null when the partner is not visible. */
export async function customers(
  env: OrganizationsDatabase,
  userId: string,
  args: ListArguments,
  list: ListOf = {},
): Promise<CustomerConnectionData | null> {
  const result = await askCustomers(env, userId, args, list);
  expect({ list: describeList(list), errors: result.errors }).toEqual({
    list: describeList(list),
    errors: undefined,
  });
  const data = result.data as Record<string, { customers?: CustomerConnectionData } | null>;
  if (list.partnerId) return data.partner ? (data.partner.customers ?? null) : null;
  return data.customers as unknown as CustomerConnectionData;
}

/**
 * Follows endCursor from the first page to the last, checking every page's own invariants, and
 * returns the ids in the order met.
 */
export async function pageThrough(
  env: OrganizationsDatabase,
  userId: string,
  args: Omit<ListArguments, 'after'> & { first: number },
  list: ListOf = {},
): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  let totalCount: number | null = null;
  for (let page = 0; ; page++) {
    const connection = await customers(env, userId, { ...args, after }, list);
    if (!connection) throw new Error(`${describeList(list)} not visible to ${userId}`);
    totalCount ??= connection.totalCount;
    const cursors = connection.edges.map((edge) => edge.cursor);
    expect(connection.totalCount).toBe(totalCount);
    expect(connection.edges.length).toBeLessThanOrEqual(args.first);
    expect(connection.nodes).toEqual(connection.edges.map((edge) => ({ id: edge.node.id })));
    expect(connection.pageInfo).toEqual({
      hasNextPage: ids.length + cursors.length < totalCount,
      hasPreviousPage: after !== null,
      startCursor: cursors[0] ?? null,
      endCursor: cursors[cursors.length - 1] ?? null,
    });
    ids.push(...connection.edges.map((edge) => edge.node.id));
    if (!connection.pageInfo.hasNextPage) break;
    if (page > totalCount) throw new Error('paging does not end');
    after = connection.pageInfo.endCursor;
  }
  return ids;
}
