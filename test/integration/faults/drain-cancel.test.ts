import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { signToken } from '../../../src/auth/sign-token';
import { testDbKind } from '../../support/database';
import { loadGraphFixture } from '../../support/graph-fixture';
import { createCliDatabase, FIRST_CALL_TIMEOUT_MS, servePorts, startCli } from '../cli/cli-process';
import type { CliDatabase } from '../cli/cli-process';

// Issue 13 §3, the end of a drain: a request whose statement is still running when DRAIN_SECONDS
// are over (here: it waits for a table another client has locked, with statement and lock limits
// far beyond the drain) has its statement cancelled (KILL QUERY): the request answers a clean
// JSON error, and `serve` exits 0 without waiting for the lock. MySQL/MariaDB only: SQLite
// statements run synchronously and cannot be stopped.

const onMysql = testDbKind() === 'mysql' ? describe : describe.skip;
const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';

onMysql('drain deadline on MySQL', () => {
  let db: CliDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createCliDatabase();
    ds = await db.open();
    await loadGraphFixture(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.close();
  });

  it(
    'cancels a statement still running at the drain deadline: a clean error, exit 0',
    async () => {
      const { gateway, env: ports } = await servePorts();
      const running = startCli(['serve'], {
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
        LOG_LEVEL: 'error',
        JWT_SECRET: SECRET,
        ...ports,
        DRAIN_SECONDS: '2',
        REQUEST_TIMEOUT_SECONDS: '600',
        LOCK_WAIT_TIMEOUT_SECONDS: '600',
      });
      const locker = await mysql.createConnection(db.url);
      let code: number | null = null;
      try {
        await running.waitFor(/Press Ctrl-C to stop/);
        const token = await signToken(
          { userId: 'u-pfa-north' },
          { secret: SECRET, issuer: 'licensegraph', audience: 'licensegraph-api' },
        );
        // The viewer is loaded first (users, role_assignments); the partner read then waits.
        await locker.query('LOCK TABLES partners WRITE');
        const answer = fetch(`http://127.0.0.1:${gateway}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ partner(id: "p-north") { name } }' }),
        }).then(async (response) => ({
          type: response.headers.get('content-type'),
          body: (await response.json()) as {
            data?: unknown;
            errors?: Array<{ message: string; extensions?: { code?: string } }>;
          },
        }));
        // Stopped once the statement is waiting for the lock.
        await waitForLockWait(locker);
        code = await running.stop();
        const { type, body } = await answer;
        expect(type).toMatch(/application\/(graphql-response\+)?json/);
        expect(body.data).toEqual({ partner: null });
        expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
        expect(JSON.stringify(body)).not.toMatch(/KILL|SELECT|partners|1317|ER_/);
        expect(code).toBe(0);
      } finally {
        // The lock first: a process that does not cancel would wait for it.
        await locker.end();
        code ??= await running.stop();
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );
});

/** Waits until some other session waits for a table lock (the server's process list says so). */
async function waitForLockWait(locker: mysql.Connection): Promise<void> {
  for (let tries = 0; tries < 200; tries++) {
    const [rows] = await locker.query(
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE STATE LIKE '%lock%' AND ID <> CONNECTION_ID()",
    );
    if (Number((rows as Array<{ n: number }>)[0]!.n) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('no statement came to wait for the lock');
}
