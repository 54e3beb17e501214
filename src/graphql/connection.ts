import { badUserInput } from './errors';

// Relay connection arguments (docs/architecture.md: `first` 1..500, default 50, opaque cursors).

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, {
      argumentName: 'first',
    });
  }
  return size;
}

/** What each position of a sort key holds; a cursor whose key does not match is refused. */
export type SortKeyShape = readonly ('string' | 'number')[];
export type SortKey = (string | number)[];

/** A cursor is the sort key of the last row seen, tagged with the ordering it belongs to. */
export function encodeCursor(ordering: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([ordering, ...key]), 'utf8').toString('base64url');
}

/**
 * The sort key of a cursor made by encodeCursor for this ordering. Anything else — not our
 * encoding, another list's or ordering's cursor, a key edited by hand — is BAD_USER_INPUT: a key
 * of the wrong type would otherwise reach SQL and compare as the database pleases.
 */
export function decodeCursor(
  cursor: string | null | undefined,
  ordering: string,
  shape: SortKeyShape,
): SortKey | null {
  if (cursor === null || cursor === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== shape.length + 1 ||
    decoded[0] !== ordering ||
    !shape.every((type, i) => typeof decoded[i + 1] === type)
  ) {
    throw badUserInput('after: not a cursor of this list and ordering', { argumentName: 'after' });
  }
  return decoded.slice(1) as SortKey;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/** What every connection type of the API holds (edges, nodes, pageInfo, totalCount). */
export interface Connection<Node> {
  totalCount: number;
  edges: Edge<Node>[];
  nodes: Node[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

/**
 * One page of a connection from the rows read for it: `limit + 1` were asked for, so that one
 * more than the page says there is a next page. `edge` makes each row's cursor and node.
 */
export function connectionPage<Row, Node>(
  read: { rows: readonly Row[]; totalCount: number },
  limit: number,
  after: string | null | undefined,
  edge: (row: Row) => Edge<Node>,
): Connection<Node> {
  const edges = read.rows.slice(0, limit).map(edge);
  return {
    totalCount: read.totalCount,
    edges,
    nodes: edges.map((e) => e.node),
    pageInfo: {
      hasNextPage: read.rows.length > limit,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
