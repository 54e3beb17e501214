import { GraphQLError } from 'graphql';
import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { databaseRefusal } from '../db/database-errors';

// The error codes clients see (docs/architecture.md, Conventions). Anything else becomes a generic
// INTERNAL_SERVER_ERROR whose message tells nothing about SQL, stacks or paths.

export const PUBLIC_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'RATE_LIMITED',
  // The database's state, not the request (db/database-errors): try again later.
  'SERVICE_UNAVAILABLE',
  'DATABASE_LOCKED',
  'DATABASE_TIMEOUT',
] as const;

/** Codes Apollo Server itself produces for malformed requests; they carry no internals. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  // The gateway's own limits (gateway/limits.ts).
  'COST_LIMIT_EXCEEDED',
]);

/**
 * The only extensions a client sees besides the code: which argument was wrong, how long to
 * wait, and which limit refused the request (gateway/limits.ts, graphql/document-limits.ts).
 * Anything else (a subgraph's `response` with its URL, a stack) stays on the server.
 */
const PUBLIC_EXTENSIONS = [
  'code',
  'argumentName',
  'retryAfterSeconds',
  'limit',
  'cost',
  'maxCost',
  'maxPoints',
];

export const INTERNAL_MESSAGE = 'Internal server error';

export function unauthenticated(
  message = 'Authentication required: send a valid bearer token',
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

export function forbidden(message = 'Not allowed'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'FORBIDDEN' } });
}

export function badUserInput(
  message: string,
  extensions: Record<string, unknown> = {},
): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, code: 'BAD_USER_INPUT' } });
}

/**
 * A subgraph's `formatError`: an error caused by the database's state (a lock, a statement limit,
 * the database down or the pool exhausted) says so with its code; the rest as maskError.
 */
export function maskSubgraphError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const refusal = databaseRefusal(unwrapResolverError(error));
  if (!refusal) return maskError(formatted);
  return {
    message: refusal.message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: refusal.code },
  };
}

/**
 * Apollo Server `formatError`: public codes pass with their message; everything else is reduced
 * to a generic internal error (the original is logged by the caller, not sent).
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (
    typeof code === 'string' &&
    ((PUBLIC_CODES as readonly string[]).includes(code) || REQUEST_CODES.has(code))
  ) {
    const extensions = Object.fromEntries(
      Object.entries(formatted.extensions ?? {}).filter(([key]) => PUBLIC_EXTENSIONS.includes(key)),
    );
    return { ...formatted, extensions };
  }
  return {
    message: INTERNAL_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
