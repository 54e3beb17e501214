import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { deadlineSettings } from '../../../src/config';
import { databaseRefusal } from '../../../src/db/database-errors';
import { openDataSource } from '../../../src/db/data-source';
import { testDbKind } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { openFixtureDatabase } from '../../support/fixture-database';
import { FIXTURE_LAST_DAY, graphFixture } from '../../support/graph-fixture';
import { asUser, startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';

// Issue 13 §1: with another connection holding a lock, or every pooled connection busy, a request
// fails fast with a code that says so (DATABASE_LOCKED, SERVICE_UNAVAILABLE), not after the lock
// is gone, and not as bad input; /health/ready answers meanwhile. MySQL/MariaDB: the SQLite
// database is one process's, with no pool and no statement limit (its lock wait is tested in
// ingest-usage/store-failure).

const KIND = testDbKind();
const onMysql = KIND === 'mysql' ? describe : describe.skip;

// A 2 s statement limit, 1 s lock wait, 2 connections and 2 waiting callers waiting 1 s at most.
const DEADLINES = deadlineSettings({
  REQUEST_TIMEOUT_SECONDS: '2',
  LOCK_WAIT_TIMEOUT_SECONDS: '1',
  DATABASE_POOL_SIZE: '2',
  DATABASE_POOL_QUEUE: '2',
  DATABASE_ACQUIRE_TIMEOUT_SECONDS: '1',
});
/** "Fails fast rather than hangs": far above the limits, far below the lock's 60 s. */
const FAST_MS = 15_000;

onMysql('deadlines on MySQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let stack: TestStack;
  const held: mysql.Connection[] = [];

  beforeAll(async () => {
    db = await openFixtureDatabase(graphFixture());
    ds = await openDataSource(db.config, { deadlines: DEADLINES });
    stack = await startTestStack({ ...db, ds });
  });
  afterEach(async () => {
    for (const connection of held.splice(0)) await connection.end();
  });
  afterAll(async () => {
    await stack?.stop();
    await ds?.destroy();
    await db?.close();
  });

  /** Another client holding `sql`'s locks (LOCK TABLES, or FOR UPDATE in an open transaction). */
  async function hold(...statements: string[]): Promise<void> {
    const connection = await mysql.createConnection((db.config as { url: string }).url);
    held.push(connection);
    for (const sql of statements) await connection.query(sql);
  }

  async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const start = Date.now();
    const value = await work();
    return { value, ms: Date.now() - start };
  }

  it('answers a read of a locked table with DATABASE_LOCKED, fast, and the rest of the answer', async () => {
    await hold('LOCK TABLES partners WRITE');
    const { value, ms } = await timed(async () =>
      stack.request(
        '{ partner(id: "p-north") { name } viewer { user { id } } }',
        {},
        await asUser(stack, 'u-pfa-north'),
      ),
    );
    expect(ms).toBeLessThan(FAST_MS);
    expect(value.body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_LOCKED']);
    expect(value.body.errors?.[0]?.message).toMatch(/locked/);
    expect(value.body.data?.viewer).toEqual({ user: { id: 'u-pfa-north' } });
    expect(JSON.stringify(value.body)).not.toMatch(/SELECT|partners|1205|ER_/);
  });

  it('answers a usage report over a locked table with DATABASE_LOCKED, not "narrow the filter"', async () => {
    await hold('LOCK TABLES usage_daily_totals WRITE, license_usage WRITE');
    const { value, ms } = await timed(async () =>
      stack.request(
        `{ usageReport(filter: { partnerId: "p-north", from: "2026-01-01", to: "${FIXTURE_LAST_DAY}" },
             groupBy: [CUSTOMER], granularity: MONTH) { rows { customerId consumed } } }`,
        {},
        await asUser(stack, 'u-pfa-north'),
      ),
    );
    expect(ms).toBeLessThan(FAST_MS);
    expect(value.body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_LOCKED']);
  });

  it('refuses an ingest waiting on a locked row with DATABASE_LOCKED and stores nothing', async () => {
    await hold(
      'BEGIN',
      `SELECT consumed FROM license_usage WHERE source_id = 'cl-ams-1' FOR UPDATE`,
    );
    const { value, ms } = await timed(async () =>
      stack.request(
        `mutation($records: [UsageRecordInput!]!) { ingestUsage(records: $records) { accepted } }`,
        {
          records: [
            {
              sourceId: 'cl-ams-1',
              licenseType: 'PROFESSIONAL',
              date: FIXTURE_LAST_DAY,
              consumed: 12345,
            },
          ],
        },
        await asUser(stack, 'u-uc-acme'),
      ),
    );
    expect(ms).toBeLessThan(FAST_MS);
    expect(value.body.errors?.map((e) => e.extensions?.code)).toEqual(['DATABASE_LOCKED']);
    const stored: unknown[] = await db.ds.query(
      'SELECT 1 FROM license_usage WHERE consumed = 12345',
    );
    expect(stored).toEqual([]);
  });

  it('stops a statement at REQUEST_TIMEOUT_SECONDS with DATABASE_TIMEOUT', async () => {
    const error = await ds.query('SELECT SLEEP(30) AS slept').then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(databaseRefusal(error)?.code).toBe('DATABASE_TIMEOUT');
  });

  it('refuses callers beyond the pool and its queue at once, and readiness still answers', async () => {
    // 2 connections busy for longer than the 1 s acquire timeout, 2 callers queued, 4 refused.
    const calls = Array.from({ length: 8 }, () =>
      ds.query('SELECT SLEEP(1.8) AS slept').then(
        () => 'ok',
        (error: unknown) => databaseRefusal(error)?.code ?? String(error),
      ),
    );
    const ready = await fetch(new URL('/health/ready', stack.stack.servers.usage!.url));
    expect(ready.status).toBe(200);
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(2);
    expect(outcomes.filter((o) => o === 'SERVICE_UNAVAILABLE')).toHaveLength(6);
    // The pool recovers: the next statement runs.
    expect(await ds.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('keeps the gateway and the subgraphs ready while a table is locked', async () => {
    await hold('LOCK TABLES partners WRITE');
    for (const server of Object.values(stack.stack.servers)) {
      const response = await fetch(new URL('/health/ready', server!.url));
      expect(response.status).toBe(200);
    }
  });
});

it('reads its deadlines from the environment (REQUEST_TIMEOUT_SECONDS and the others)', () => {
  expect(DEADLINES).toMatchObject({ requestTimeoutSeconds: 2, lockWaitSeconds: 1, poolSize: 2 });
});
