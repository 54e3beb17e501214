import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Logger } from 'typeorm';
import { signToken } from '../../src/auth/sign-token';
import { openDataSource } from '../../src/db/data-source';
import { seed } from '../../src/ingest/seed/seed';
import { benchDatabaseUrl, withBenchDatabase } from '../mysql-database';
import { serveGraph } from '../serve-processes';
import { startBenchStack } from '../bench-stack';

// What the read-path benchmarks (issue 14) share: the bench seed on MySQL (400 customers ×
// (3 clusters + 2 tenants) × 365 days), the graph as deployed (`serve --only PIECE`, one process
// each), the raw-SQL floor as its own process (floor-server.ts), and a token of the partner full
// admin. BENCH_SEEDED_DATABASE_URL names a database already seeded with
// `licensegraph seed --scale bench --today 2026-11-29` to skip the seed (about 40 s) while working.

export const TODAY = '2026-11-29';
export const PARTNER = 'p-bench';
export const VIEWER = 'u-bench-partner';
export const JWT = {
  secret: 'bench-secret-of-at-least-thirty-two-bytes!',
  issuer: 'lg',
  audience: 'lg',
};

export interface ReadGraph {
  databaseUrl: string;
  /** The gateway of the graph as deployed apart: `serve --only PIECE`, one process each. */
  gatewayUrl: string;
  /** The gateway of one `serve` process calling its subgraphs in process (SUBGRAPHS_IN_PROCESS). */
  inProcessUrl: string;
  floorUrl: string;
  token: string;
}

/** The two ways the graph runs, measured side by side: what each benchmark prints. */
export const GRAPHS = [
  { key: 'gatewayUrl', label: 'gateway (subgraphs apart)' },
  { key: 'inProcessUrl', label: 'gateway (subgraphs in process)' },
] as const;

export type GraphEnv = Record<string, string>;

function startFloor(databaseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'floor-server.js')], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      JWT_SECRET: JWT.secret,
      JWT_ISSUER: JWT.issuer,
      JWT_AUDIENCE: JWT.audience,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`floor server exited (${code})`)));
    child.stdout!.once('data', (d: Buffer) =>
      resolve({
        url: d.toString().trim(),
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      }),
    );
  });
}

async function withSeededDatabase<T>(
  log: (line: string) => void,
  work: (url: string) => Promise<T>,
): Promise<T> {
  const seeded = process.env.BENCH_SEEDED_DATABASE_URL;
  if (seeded) return work(seeded);
  return withBenchDatabase(async (ds) => {
    const summary = await seed(ds, 'bench', { today: TODAY });
    log(`seeded ${summary.usageRows} usage rows in ${summary.seconds} s`);
    return work(benchDatabaseUrl());
  });
}

/** Runs `work` with the graph (under `env`, on top of the JWT settings) and the floor up. */
export function withReadGraph<T>(
  log: (line: string) => void,
  env: GraphEnv,
  work: (graph: ReadGraph) => Promise<T>,
): Promise<T> {
  return withSeededDatabase(log, async (databaseUrl) => {
    const common = {
      JWT_SECRET: JWT.secret,
      JWT_ISSUER: JWT.issuer,
      JWT_AUDIENCE: JWT.audience,
      // As deployed (docker/Dockerfile): graphql-js skips its development-only checks.
      NODE_ENV: 'production',
      // A benchmark measures the graph, not the rate limits.
      RATE_LIMIT_VIEWER_POINTS: '1000000000',
      RATE_LIMIT_ADDRESS_REQUESTS: '1000000000',
      ...env,
    };
    const apart = await serveGraph(databaseUrl, common);
    const together = await serveGraph(
      databaseUrl,
      { ...common, SUBGRAPHS_IN_PROCESS: 'true' },
      true,
    ).catch(async (error: Error) => {
      await apart.stop();
      throw error;
    });
    const floor = await startFloor(databaseUrl).catch(async (error: Error) => {
      await together.stop();
      await apart.stop();
      throw error;
    });
    try {
      const token = await signToken({ userId: VIEWER, ttl: '1h' }, JWT);
      return await work({
        databaseUrl,
        gatewayUrl: apart.gatewayUrl,
        inProcessUrl: together.gatewayUrl,
        floorUrl: floor.url,
        token,
      });
    } finally {
      await floor.stop();
      await together.stop();
      await apart.stop();
    }
  });
}

export interface Posted {
  body: unknown;
  ms: number;
  statements?: number;
}

/** POSTs JSON and times it to the parsed answer, as a client sees it. */
export async function post(url: string, token: string, payload: unknown): Promise<Posted> {
  const start = process.hrtime.bigint();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(payload),
  });
  const body = await response.json();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const counted = response.headers.get('x-statements');
  return { body, ms, statements: counted === null ? undefined : Number(counted) };
}

class Counter implements Logger {
  count = 0;
  logQuery(): void {
    this.count++;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

/**
 * Statements the graph runs for each request, counted by TypeORM's logger on an in-process stack
 * over the same database (MariaDB has no per-database statement counter without
 * performance_schema). Each request is sent twice and the second counted: the first also asks who
 * the token's user is (the gateway remembers it).
 */
export async function graphStatements(
  databaseUrl: string,
  token: string,
  requests: Array<{ query: string; variables: unknown }>,
  subgraphsInProcess: boolean,
): Promise<number[]> {
  const counter = new Counter();
  const ds = await openDataSource({ kind: 'mysql', url: databaseUrl }, { logger: counter });
  const stack = await startBenchStack(ds, JWT, {}, {}, subgraphsInProcess);
  try {
    const counts: number[] = [];
    for (const request of requests) {
      await post(stack.servers.gateway!.url, token, request);
      const before = counter.count;
      const { body } = await post(stack.servers.gateway!.url, token, request);
      if ((body as { errors?: unknown }).errors) throw new Error(JSON.stringify(body));
      counts.push(counter.count - before);
    }
    return counts;
  } finally {
    await stack.stop();
    await ds.destroy();
  }
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
export const round1 = (n: number) => Math.round(n * 10) / 10;
export const round2 = (n: number) => Math.round(n * 100) / 100;

/** p50 of each way the graph runs (GRAPHS) and of the floor, and whether the answers are equal. */
export interface SideBySide {
  gatewayMs: Record<(typeof GRAPHS)[number]['key'], number>;
  floorMs: number;
  floorStatements: number;
  equal: boolean;
}

/** Alternates the graphs' and the floor's requests (so that load changes hit all alike). */
export async function sideBySide(
  graph: ReadGraph,
  gateway: unknown,
  floorPath: string,
  floor: unknown,
  runs: number,
): Promise<SideBySide> {
  const times: Record<string, number[]> = { floor: [] };
  for (const g of GRAPHS) times[g.key] = [];
  let equal = true;
  let floorStatements = 0;
  for (let i = 0; i < runs + 2; i++) {
    const b = await post(graph.floorUrl + floorPath, graph.token, { variables: floor });
    floorStatements = b.statements ?? 0;
    // The first two of each are warm-up (connections, JIT, caches).
    if (i >= 2) times.floor.push(b.ms);
    for (const g of GRAPHS) {
      const a = await post(graph[g.key], graph.token, gateway);
      if ((a.body as { errors?: unknown }).errors) {
        throw new Error(`${g.label} refused: ${JSON.stringify(a.body).slice(0, 500)}`);
      }
      if (i === 0 && JSON.stringify(a.body) !== JSON.stringify(b.body)) equal = false;
      if (i >= 2) times[g.key].push(a.ms);
    }
  }
  return {
    gatewayMs: { gatewayUrl: median(times.gatewayUrl), inProcessUrl: median(times.inProcessUrl) },
    floorMs: median(times.floor),
    floorStatements,
    equal,
  };
}
