import type { DataSource } from 'typeorm';
import { deadlineSettings } from '../../../src/config';
import type { DatabaseConfig } from '../../../src/config';
import { openDataSource } from '../../../src/db/data-source';
import { testDbKind } from '../../support/database';
import { graphFixture, loadGraphFixture } from '../../support/graph-fixture';
import mysql from 'mysql2/promise';
import { createPrivateMariadb } from '../../support/private-mariadb';
import type { PrivateMariadb } from '../../support/private-mariadb';
import { asUser, startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';

// Issue 13 §5: the database killed or frozen under a running graph. Requests fail fast with
// SERVICE_UNAVAILABLE and nothing of the driver's error, the CSV export answers JSON 503, every
// /health/ready says 503, and once the database is back the same processes answer again. The
// server is the test's own MariaDB (support/private-mariadb), not the shared one. MySQL run only: an
// embedded SQLite file cannot go away.

const onMysql = testDbKind() === 'mysql' ? describe : describe.skip;

const DEADLINES = deadlineSettings({
  REQUEST_TIMEOUT_SECONDS: '2',
  DATABASE_CONNECT_TIMEOUT_SECONDS: '1',
  DATABASE_ACQUIRE_TIMEOUT_SECONDS: '2',
});
/** "Fails fast rather than hangs". */
const FAST_MS = 15_000;
const QUERY = '{ partner(id: "p-north") { name } }';
const LEAKS = /ECONN|ETIMEDOUT|127\.0\.0\.1|:\d{4,5}\b|mysql|SELECT|stack/i;

jest.setTimeout(180_000);

onMysql('the database down, frozen and back', () => {
  let maria: PrivateMariadb;
  let ds: DataSource;
  let stack: TestStack;
  let headers: Record<string, string>;

  beforeAll(async () => {
    maria = await createPrivateMariadb();
    await maria.start();
    const server = await mysql.createConnection(maria.serverUrl);
    await server.query(
      'CREATE DATABASE lg_outage CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci',
    );
    await server.end();
    const config: DatabaseConfig = { kind: 'mysql', url: `${maria.serverUrl}lg_outage` };
    const admin = await openDataSource(config, { migrate: true });
    await loadGraphFixture(admin, graphFixture());
    await admin.destroy();
    ds = await openDataSource(config, { deadlines: DEADLINES });
    stack = await startTestStack({ kind: 'mysql', config, ds, close: async () => undefined });
    headers = await asUser(stack, 'u-pfa-north');
  });
  afterAll(async () => {
    await stack?.stop();
    await ds?.destroy().catch(() => undefined);
    await maria?.remove();
  });

  const ask = () => stack.request(QUERY, {}, headers);

  async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
    const start = Date.now();
    const value = await work();
    return { value, ms: Date.now() - start };
  }

  async function readiness(): Promise<number[]> {
    return Promise.all(
      Object.values(stack.stack.servers).map(
        async (server) => (await fetch(new URL('/health/ready', server!.url))).status,
      ),
    );
  }

  /** Asks until the answer is whole again (the pool reconnects by itself). */
  async function answersAgain(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const { body } = await ask();
      if (!body.errors && body.data) return;
      if (Date.now() > deadline) throw new Error(`still failing: ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  it('answers SERVICE_UNAVAILABLE while the database is down, and again once it is back', async () => {
    expect((await ask()).body).toEqual({ data: { partner: { name: 'Northwind Telecom' } } });
    await maria.stop();

    const { value, ms } = await timed(ask);
    expect(ms).toBeLessThan(FAST_MS);
    expect(value.body.data).toEqual({ partner: null });
    expect(value.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
    expect(JSON.stringify(value.body)).not.toMatch(LEAKS);

    const csv = await fetch(
      new URL(
        '/reports/usage.csv?partnerId=p-north&from=2026-11-01&to=2026-11-28',
        stack.gatewayUrl,
      ),
      { headers },
    );
    expect(csv.status).toBe(503);
    expect(csv.headers.get('content-type')).toMatch(/application\/json/);
    const csvBody = await csv.text();
    expect(JSON.parse(csvBody)).toEqual({
      error: { code: 'SERVICE_UNAVAILABLE', message: expect.any(String) },
    });
    expect(csvBody).not.toMatch(LEAKS);
    expect(await readiness()).toEqual([503, 503, 503, 503]);

    await maria.start();
    await answersAgain();
    expect(await readiness()).toEqual([200, 200, 200, 200]);
  });

  it('answers SERVICE_UNAVAILABLE while the database is frozen, and again once it thaws', async () => {
    await answersAgain();
    maria.freeze();
    try {
      const { value, ms } = await timed(ask);
      expect(ms).toBeLessThan(FAST_MS);
      expect(value.body.errors?.map((e) => e.extensions?.code)).toEqual(['SERVICE_UNAVAILABLE']);
      expect(JSON.stringify(value.body)).not.toMatch(LEAKS);
      const { value: ready, ms: readyMs } = await timed(readiness);
      expect(ready).toEqual([503, 503, 503, 503]);
      expect(readyMs).toBeLessThan(FAST_MS);
    } finally {
      maria.thaw();
    }
    await answersAgain();
    expect(await readiness()).toEqual([200, 200, 200, 200]);
  });
});

it('is tested on MySQL (the SQLite run has no database server to lose)', () => {
  expect(DEADLINES.connectTimeoutSeconds).toBe(1);
});
