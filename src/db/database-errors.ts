import { POOL_EXHAUSTED } from './guarded-pool';

// What a failed statement tells a client when the cause is the database's state rather than the
// request (issue 13 §1, §5): each is a public code with a plain message and nothing of the
// driver's (no host, port, SQL or stack).
// - DATABASE_LOCKED: the statement waited longer than LOCK_WAIT_TIMEOUT_SECONDS for a lock.
// - DATABASE_TIMEOUT: the statement ran longer than its limit (REQUEST_TIMEOUT_SECONDS).
// - SERVICE_UNAVAILABLE: the database cannot be reached, does not answer, or every connection is
//   busy and too many requests wait; trying again later may work.

export type DatabaseRefusalCode = 'DATABASE_LOCKED' | 'DATABASE_TIMEOUT' | 'SERVICE_UNAVAILABLE';

export interface DatabaseRefusal {
  code: DatabaseRefusalCode;
  message: string;
}

const LOCK_WAIT = new Set([1205]); // ER_LOCK_WAIT_TIMEOUT (rows, and metadata locks)
const STATEMENT_TIME = new Set([1969, 3024]); // MariaDB ER_STATEMENT_TIMEOUT, MySQL ER_QUERY_TIMEOUT
/**
 * The server refused a connection (too many, shutting down, not started), or a draining process
 * stopped the statement (1317 ER_QUERY_INTERRUPTED: KILL QUERY, db/cancel-statements).
 */
const SERVER_REFUSED = new Set([1040, 1053, 1077, 1317, 2002, 2003, 2006, 2013]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  POOL_EXHAUSTED,
]);
const CLOSED = /Can't add new command when connection is in closed state|Pool is closed/;

export const DATABASE_MESSAGES: Record<DatabaseRefusalCode, string> = {
  DATABASE_LOCKED:
    'The data is locked by another operation and did not free up in time; try again shortly',
  DATABASE_TIMEOUT: 'The database did not finish this in time; try again shortly',
  SERVICE_UNAVAILABLE: 'The database is unavailable; try again shortly',
};

/** The errors an error was made from: originalError (GraphQL), driverError (TypeORM), cause. */
function* causes(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const queue = [error];
  while (queue.length > 0) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const record = next as Record<string, unknown>;
    yield record;
    queue.push(record.originalError, record.driverError, record.cause);
  }
}

export function databaseRefusal(error: unknown): DatabaseRefusal | null {
  for (const cause of causes(error)) {
    const { errno, code, message } = cause;
    let refusal: DatabaseRefusalCode | null = null;
    if (typeof errno === 'number' && LOCK_WAIT.has(errno)) refusal = 'DATABASE_LOCKED';
    else if (code === 'SQLITE_BUSY') refusal = 'DATABASE_LOCKED';
    else if (typeof errno === 'number' && STATEMENT_TIME.has(errno)) refusal = 'DATABASE_TIMEOUT';
    else if (typeof errno === 'number' && SERVER_REFUSED.has(errno))
      refusal = 'SERVICE_UNAVAILABLE';
    else if (typeof code === 'string' && NETWORK.has(code)) refusal = 'SERVICE_UNAVAILABLE';
    else if (typeof message === 'string' && CLOSED.test(message)) refusal = 'SERVICE_UNAVAILABLE';
    if (refusal) return { code: refusal, message: DATABASE_MESSAGES[refusal] };
  }
  return null;
}
