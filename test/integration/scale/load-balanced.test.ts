import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import type { DataSource } from 'typeorm';
import { PIECES } from '../../../src/config';
import type { Piece } from '../../../src/config';
import { signToken } from '../../../src/auth/sign-token';
import { createMysqlDatabase, testDbKind } from '../../support/database';
import { freePorts } from '../../support/free-ports';
import { FIXTURE_TODAY, loadGraphFixture } from '../../support/graph-fixture';
import { startHaproxy } from '../../support/haproxy';
import type { RunningHaproxy } from '../../support/haproxy';
import { steadyLoad } from '../../support/steady-load';
import { openDataSource } from '../../../src/db/data-source';
import { startCli } from '../cli/cli-process';
import type { RunningCli } from '../cli/cli-process';

// Issue 15 §1: two instances of every piece (`serve --only`), each piece behind HAProxy, which
// health-checks /health/ready; the gateways find the subgraphs through HAProxy too and keep their
// rate limits in Redis. Under a steady read load one instance of each kind is killed (SIGKILL, as
// a crash) in turn: no request fails but those in flight at that instant, HAProxy takes the
// instance out, and once restarted it is taken back and serves again. MySQL run only: the
// instances share one database server.

const onMysql = testDbKind() === 'mysql' ? describe : describe.skip;

const JWT_SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const SUBGRAPH_SECRET = 'a-subgraph-secret-of-at-least-32-bytes!!';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const USER = 'u-pfa-north';
/** Per second; the issue asks for at least 20. */
const RATE = 22;
/** Small, but through every subgraph: a partner, two customers, their subscriptions' usage. */
const QUERY = `query Light($partnerId: ID!, $asOf: Date) {
  partner(id: $partnerId) {
    name
    customers(first: 2, orderBy: { field: NAME, direction: ASC }) {
      nodes { name subscriptions { id licenseSummary(asOf: $asOf) { licenseType consumed asOf } } }
    }
  }
}`;
/** Where the gateways keep the viewer budgets (gateway/rate-limits.ts, the default prefix). */
const VIEWER_BUDGET_KEY = `licensegraph:rate:viewer:${USER}`;
/** The least an operation takes from the budget (RATE_LIMIT_MIN_OPERATION_COST's default). */
const MIN_OPERATION_COST = 1000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

jest.setTimeout(300_000);

interface KillWindow {
  piece: Piece;
  /** When this piece's turn began: its window of requests starts here. */
  from: number;
  killedAt: number;
  /** Requests the test had sent and not had answered when the kill came (all instances). */
  clientInFlight: number;
  /** What HAProxy counted as under way on the killed instance just before. */
  onKilledInstance: number;
  /** From the kill until HAProxy marked the instance DOWN, and from restart until UP again. */
  downAfterMs: number;
  upAfterMs: number;
}

onMysql('two instances of each piece behind HAProxy', () => {
  let database: { url: string; drop(): Promise<void> };
  let dataDir: string;
  let haproxy: RunningHaproxy;
  let redis: Redis;
  const frontends = {} as Record<Piece, number>;
  const ports = {} as Record<Piece, number[]>;
  const instances = {} as Record<Piece, RunningCli[]>;

  function envOf(piece: Piece, port: number): Record<string, string> {
    const url = (name: Piece) => `http://127.0.0.1:${frontends[name]}/graphql`;
    return {
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'error',
      JWT_SECRET,
      SUBGRAPH_SECRET,
      REDIS_URL,
      RATE_LIMIT_WINDOW_SECONDS: '3600',
      RATE_LIMIT_VIEWER_POINTS: '1000000000',
      // Every request comes from 127.0.0.1: the budget per address is not what is tested here.
      RATE_LIMIT_ADDRESS_REQUESTS: '1000000000',
      TRUST_PROXY: '1',
      DRAIN_SECONDS: '1',
      ORGANIZATIONS_URL: url('organizations'),
      SUBSCRIPTIONS_URL: url('subscriptions'),
      USAGE_URL: url('usage'),
      [piece === 'gateway' ? 'PORT' : `${piece.toUpperCase()}_PORT`]: String(port),
    };
  }

  async function startInstance(piece: Piece, port: number): Promise<RunningCli> {
    const running = startCli(['serve', '--only', piece], envOf(piece, port));
    await running.waitFor(/Press Ctrl-C to stop/);
    return running;
  }

  beforeAll(async () => {
    database = await createMysqlDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-scale-'));
    const ds: DataSource = await openDataSource(
      { kind: 'mysql', url: database.url },
      { migrate: true },
    );
    await loadGraphFixture(ds);
    await ds.destroy();
    const free = await freePorts(PIECES.length * 3);
    PIECES.forEach((piece, i) => {
      frontends[piece] = free[i * 3];
      ports[piece] = [free[i * 3 + 1], free[i * 3 + 2]];
    });
    haproxy = await startHaproxy(
      PIECES.map((piece) => ({ name: piece, port: frontends[piece], servers: ports[piece] })),
    );
    redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 });
    await redis.connect();
    await redis.del(VIEWER_BUDGET_KEY);
    // The first one compiles dist/ when it is stale; the others then start side by side.
    instances.organizations = [await startInstance('organizations', ports.organizations[0])];
    await Promise.all(
      PIECES.map(async (piece) => {
        const [first, second] = ports[piece];
        const started = await Promise.all(
          (piece === 'organizations' ? [second] : [first, second]).map((port) =>
            startInstance(piece, port),
          ),
        );
        instances[piece] = [...(instances[piece] ?? []), ...started];
      }),
    );
    for (const piece of PIECES) {
      for (const server of [1, 2]) await haproxy.waitFor(piece, `${piece}-${server}`, 'UP');
    }
  });

  afterAll(async () => {
    for (const [piece, running] of Object.entries(instances)) {
      running.forEach((instance, i) => {
        const logs = instance.stderr().trim();
        if (logs) process.stdout.write(`${piece}-${i + 1} logged:\n${logs.slice(-3000)}\n`);
      });
    }
    await Promise.all(
      Object.values(instances)
        .flat()
        .map((instance) => instance.stop()),
    );
    await haproxy?.stop();
    await redis?.quit();
    await database?.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no request but those in flight on a killed instance, which rejoins when restarted', async () => {
    const token = await signToken(
      { userId: USER, ttl: '1h' },
      { secret: JWT_SECRET, issuer: 'licensegraph', audience: 'licensegraph-api' },
    );
    const gatewayUrl = `http://127.0.0.1:${frontends.gateway}/graphql`;
    const ask = async () => {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: QUERY,
          variables: { partnerId: 'p-north', asOf: FIXTURE_TODAY },
        }),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: response.status, text: await response.text() };
    };
    const expected = await ask();
    expect(expected.status).toBe(200);
    expect(JSON.parse(expected.text).data.partner.customers.nodes).toHaveLength(2);

    const load = steadyLoad(RATE, async () => {
      const { status, text } = await ask();
      return status === 200 && text === expected.text ? null : `${status} ${text.slice(0, 300)}`;
    });
    const windows: KillWindow[] = [];
    const loadStarted = Date.now();
    try {
      await pause(2000);
      for (const piece of PIECES) {
        const from = Date.now();
        await pause(1500);
        const server = `${piece}-1`;
        const before = (await haproxy.states()).find((s) => s.server === server)!;
        const clientInFlight = load.inFlight();
        const killedAt = Date.now();
        await instances[piece][0].kill();
        await haproxy.waitFor(piece, server, 'DOWN');
        const downAfterMs = Date.now() - killedAt;
        await pause(1000);
        const restartedAt = Date.now();
        instances[piece][0] = await startInstance(piece, ports[piece][0]);
        await haproxy.waitFor(piece, server, 'UP');
        const upAfterMs = Date.now() - restartedAt;
        const rejoined = (await haproxy.states()).find((s) => s.server === server)!;
        await pause(1500);
        const serving = (await haproxy.states()).find((s) => s.server === server)!;
        // Taken back: HAProxy hands the restarted instance requests again.
        expect(serving.total).toBeGreaterThan(rejoined.total);
        windows.push({
          piece,
          from,
          killedAt,
          clientInFlight,
          onKilledInstance: before.current,
          downAfterMs,
          upAfterMs,
        });
      }
      await pause(1500);
    } finally {
      await load.stop();
    }

    const loadEnded = Date.now();
    const inWindow = (from: number, to: number) =>
      load.records.filter((r) => r.started >= from && r.started < to);
    const report = windows.map((w, i) => {
      const records = inWindow(w.from, windows[i + 1]?.from ?? loadEnded);
      const failed = records.filter((r) => r.problem !== null);
      return {
        ...w,
        sent: records.length,
        failed: failed.length,
        problems: failed.map((r) => r.problem),
      };
    });
    const before = inWindow(loadStarted, windows[0].from);
    const seconds = (loadEnded - loadStarted) / 1000;
    process.stdout.write(
      `load-balanced: ${load.records.length} requests in ${seconds.toFixed(1)} s ` +
        `(${(load.records.length / seconds).toFixed(1)}/s); before any kill ${before.length} sent, ` +
        `${before.filter((r) => r.problem).length} failed\n` +
        report
          .map(
            (r) =>
              `  kill ${r.piece}-1: ${r.sent} sent, ${r.failed} failed; in flight at the kill ` +
              `${r.clientInFlight} (client), ${r.onKilledInstance} (HAProxy, on that instance); ` +
              `DOWN after ${r.downAfterMs} ms, UP ${r.upAfterMs} ms after restart\n` +
              [...new Set(r.problems)]
                .slice(0, 5)
                .map((p) => `    ${p}\n`)
                .join(''),
          )
          .join(''),
    );

    if (load.records.some((r) => r.problem !== null)) {
      // HAProxy's log of requests that went wrong (termination flags), for whoever reads a failure.
      const lines = (await haproxy.errors()).split('\n');
      const status = (code: string) => lines.filter((l) => l.includes(` ${code} `)).slice(0, 10);
      const shown = [...status('502'), ...status('503'), ...status('504')];
      process.stdout.write(`HAProxy logged:\n${shown.join('\n')}\n`);
    }
    expect(before.filter((r) => r.problem !== null)).toEqual([]);
    for (const r of report) {
      expect(r.sent).toBeGreaterThan(0);
      // Only requests already under way when the instance died may fail.
      const beyondInFlight = Math.max(0, r.failed - r.clientInFlight);
      expect({ piece: r.piece, beyondInFlight, problems: r.problems }).toEqual({
        piece: r.piece,
        beyondInFlight: 0,
        problems: expect.any(Array),
      });
    }
    // Both gateways served, and drew on one budget in Redis: any instance can take any request.
    const gateways = (await haproxy.states()).filter((s) => s.backend === 'gateway');
    expect(gateways.every((g) => g.total > 0)).toBe(true);
    const answered = load.records.filter((r) => r.problem === null).length;
    expect(Number(await redis.get(VIEWER_BUDGET_KEY))).toBeGreaterThanOrEqual(
      answered * MIN_OPERATION_COST,
    );
  });
});
