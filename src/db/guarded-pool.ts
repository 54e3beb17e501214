import mysql2 from 'mysql2';
import type { DeadlineSettings } from '../config';
import { watchPool } from '../telemetry/metrics';

// The mysql2 driver TypeORM is handed when a process serves requests: its pool gives every
// connection the session's deadlines, bounds how many requests wait for a connection and how long,
// and gives up on a statement the database does not answer at all (a frozen server), so that a
// locked table or a stuck database fails requests fast instead of holding them (issue 13 §1).
//
// - Each new connection runs `SET SESSION` first: MariaDB's max_statement_time (every statement),
//   MySQL's max_execution_time (SELECTs), and lock_wait_timeout / innodb_lock_wait_timeout,
//   shorter than the statement limit so that a lock wait is reported as such. Statements with
//   their own limit (reports, exports: db/statement-settings) override it per statement.
// - getConnection waits at most acquireTimeoutSeconds, and at most poolQueueLimit callers wait.
// - A statement with a callback gets a client-side timeout a little after its server limit; when
//   it fires, the connection is destroyed (its protocol state is unknown), not put back.

type Callback = (error: Error | null, ...rest: unknown[]) => void;

interface PoolConnectionLike {
  query: (...args: unknown[]) => unknown;
  destroy(): void;
  release(): void;
  once(event: 'end' | 'error', listener: () => void): unknown;
  threadId: number | null;
}

interface PoolLike {
  on(event: 'connection', listener: (connection: PoolConnectionLike) => void): void;
  getConnection(callback: Callback): void;
}

/**
 * What a guarded pool is doing now: the connections handed out (their server thread ids are what
 * a drain cancels: db/cancel-statements) and how many callers wait for one (metrics).
 */
export interface PoolActivity {
  inUse: Set<PoolConnectionLike>;
  waiting: number;
  /** The options the pool connects with, for one extra connection (KILL QUERY). */
  connectOptions: mysql2.ConnectionOptions;
}

const ACTIVITY = new WeakMap<object, PoolActivity>();

/** The activity of a pool made by guardedMysqlDriver; undefined for any other. */
export function poolActivity(pool: unknown): PoolActivity | undefined {
  return typeof pool === 'object' && pool !== null ? ACTIVITY.get(pool) : undefined;
}

/** Options of createPool that a single connection does not take (mysql2 warns about them). */
const POOL_ONLY = ['connectionLimit', 'queueLimit', 'waitForConnections', 'maxIdle', 'idleTimeout'];

/** Said by the pool when no connection came in time, or too many requests already wait. */
export const POOL_EXHAUSTED = 'POOL_EXHAUSTED';

/** Added to a statement's own server limit for the client's timeout (the server speaks first). */
const CLIENT_MARGIN_SECONDS = 2;

export function sessionSettingsSql(flavor: 'mysql' | 'mariadb', deadlines: DeadlineSettings) {
  const lockWait = Math.max(1, Math.round(deadlines.lockWaitSeconds));
  const limit =
    flavor === 'mariadb'
      ? `max_statement_time = ${deadlines.requestTimeoutSeconds}`
      : `max_execution_time = ${Math.ceil(deadlines.requestTimeoutSeconds * 1000)}`;
  return `SET SESSION ${limit}, lock_wait_timeout = ${lockWait}, innodb_lock_wait_timeout = ${lockWait}`;
}

/** The server limit a statement carries itself (SET STATEMENT / MAX_EXECUTION_TIME hint). */
export function ownLimitSeconds(sql: string): number | null {
  const mariadb = /max_statement_time\s*=\s*([\d.]+)/i.exec(sql);
  if (mariadb) return Number(mariadb[1]);
  const mysql = /MAX_EXECUTION_TIME\((\d+)\)/i.exec(sql);
  return mysql ? Number(mysql[1]) / 1000 : null;
}

function poolExhausted(message: string): Error {
  return Object.assign(new Error(message), { code: POOL_EXHAUSTED });
}

/**
 * A failure to connect as an Error of this realm with its code: Node's own (ECONNREFUSED) is not
 * `instanceof Error` under a test runner's sandbox, and GraphQL would then drop its code.
 */
function connectionFailure(error: Error): Error {
  const { code, errno } = error as { code?: string; errno?: number };
  return Object.assign(new Error(error.message, { cause: error }), { code, errno });
}

function guardQueries(connection: PoolConnectionLike, deadlines: DeadlineSettings): void {
  const query = connection.query.bind(connection);
  connection.query = (...args: unknown[]) => {
    const callback = args.findIndex((arg) => typeof arg === 'function');
    if (callback < 0) return query(...args); // a stream: its own server limit applies
    const given = args[0];
    const sql = typeof given === 'string' ? given : (given as { sql?: string }).sql;
    if (typeof sql !== 'string' || (typeof given === 'object' && 'timeout' in given!)) {
      return query(...args);
    }
    const ownLimit = ownLimitSeconds(sql);
    const limit = ownLimit === null || ownLimit === 0 ? deadlines.requestTimeoutSeconds : ownLimit;
    const timeout = Math.ceil((limit + CLIENT_MARGIN_SECONDS) * 1000);
    const done = args[callback] as Callback;
    args[0] = typeof given === 'string' ? { sql, timeout } : { ...(given as object), timeout };
    args[callback] = (error: Error | null, ...rest: unknown[]) => {
      if ((error as { code?: string } | null)?.code === 'PROTOCOL_SEQUENCE_TIMEOUT') {
        connection.destroy();
      }
      done(error, ...rest);
    };
    return query(...args);
  };
}

/** A connection counts as in use from its hand-out to its release, end or destruction. */
function trackUse(connection: PoolConnectionLike, activity: PoolActivity): void {
  const done = () => activity.inUse.delete(connection);
  const release = connection.release.bind(connection);
  const destroy = connection.destroy.bind(connection);
  connection.release = () => {
    done();
    release();
  };
  connection.destroy = () => {
    done();
    destroy();
  };
  connection.once('end', done);
  connection.once('error', done);
}

function guardAcquire(pool: PoolLike, deadlines: DeadlineSettings, activity: PoolActivity): void {
  const getConnection = pool.getConnection.bind(pool);
  pool.getConnection = (callback: Callback) => {
    activity.waiting += 1;
    let answered = false;
    const settle = () => {
      if (!answered) activity.waiting -= 1;
      answered = true;
    };
    const timer = setTimeout(() => {
      settle();
      callback(
        poolExhausted(
          `No database connection within ${deadlines.acquireTimeoutSeconds} s: too busy`,
        ),
      );
    }, deadlines.acquireTimeoutSeconds * 1000);
    getConnection((error, connection, ...rest) => {
      clearTimeout(timer);
      if (answered) {
        // Too late: its caller has given up; hand it straight back.
        (connection as PoolConnectionLike | undefined)?.release();
        return;
      }
      settle();
      if (connection) activity.inUse.add(connection as PoolConnectionLike);
      if (error?.message === 'Queue limit reached.') {
        callback(poolExhausted('Too many requests wait for a database connection'));
        return;
      }
      callback(error && connectionFailure(error), connection, ...rest);
    });
  };
}

/** mysql2 with a guarded createPool, for TypeORM's `driver` option. */
export function guardedMysqlDriver(
  flavor: 'mysql' | 'mariadb',
  deadlines: DeadlineSettings,
): typeof mysql2 {
  const setSession = sessionSettingsSql(flavor, deadlines);
  return Object.assign(Object.create(mysql2) as typeof mysql2, {
    createPool(options: mysql2.PoolOptions) {
      const connectTimeout = Math.ceil(deadlines.connectTimeoutSeconds * 1000);
      const pool = mysql2.createPool({
        ...options,
        queueLimit: deadlines.poolQueueLimit,
        connectTimeout,
      }) as unknown as PoolLike;
      const connectOptions: Record<string, unknown> = { ...options, connectTimeout };
      for (const key of POOL_ONLY) delete connectOptions[key];
      const activity: PoolActivity = { inUse: new Set(), waiting: 0, connectOptions };
      ACTIVITY.set(pool, activity);
      const unwatch = watchPool(() => ({ inUse: activity.inUse.size, waiting: activity.waiting }));
      const end = (pool as unknown as mysql2.Pool).end.bind(pool);
      (pool as unknown as { end: typeof end }).end = ((...args: Parameters<typeof end>) => {
        unwatch();
        return end(...args);
      }) as typeof end;
      pool.on('connection', (connection) => {
        // Queued on the connection ahead of the statement its first user sends.
        connection.query(setSession, () => undefined);
        guardQueries(connection, deadlines);
        trackUse(connection, activity);
      });
      guardAcquire(pool, deadlines, activity);
      return pool as unknown as mysql2.Pool;
    },
  });
}
