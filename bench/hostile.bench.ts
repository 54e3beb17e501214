import { signToken } from '../src/auth/sign-token';
import { PIECES } from '../src/config';
import type { BenchMetric, Benchmark } from './benchmark';
import { HOSTILE_ADMIN, HOSTILE_PARTNER, seedHostileData } from './hostile-data';
import {
  CYCLE_DOCUMENT,
  VIEWER_DOCUMENT,
  fanOutDocument,
  reportDocument,
  seriesDocument,
} from './hostile-requests';
import { benchDatabaseUrl, withBenchDatabase } from './mysql-database';
import { serveGraph } from './serve-processes';

// Issue 12: hostile requests against `serve --only PIECE` (one process per piece) on MySQL.
// 30 aliases of the costliest allowed series and report, the costliest request the limits allow,
// and 8 of them at once, are refused or answered, every process lives and its peak RSS stays below
// 1 GB; a fragment fan-out of 10^8 fields and a fragment cycle are refused within 100 ms without
// delaying a plain request sent at the same time.

const TODAY = '2026-11-29';
const SERIES_FROM = '2023-12-01'; // 1,095 days before TODAY: 1,096 days in all
const REPORT_FROM = '2025-06-01'; // daily by region and license type: about 9,000 rows
const RSS_LIMIT_MB = 1024;
const REFUSAL_LIMIT_MS = 100;
const JWT = {
  secret: 'hostile-bench-secret-of-at-least-32-bytes',
  issuer: 'licensegraph',
  audience: 'licensegraph-api',
};

interface Answer {
  status: number;
  ms: number;
  codes: string[];
  bytes: number;
}

type Post = (query: string, variables?: Record<string, unknown>) => Promise<Answer>;

function poster(url: string, token: string): Post {
  return async (query, variables = {}) => {
    const started = performance.now();
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      text = await response.text();
    } catch {
      // The gateway is gone (it died): said as such, and the run fails on the dead process.
      return { status: 0, ms: performance.now() - started, codes: ['NO_ANSWER'], bytes: 0 };
    }
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const body = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
    const codes = [...new Set((body.errors ?? []).map((e) => e.extensions?.code ?? '?'))];
    return { status: response.status, ms, codes, bytes: text.length };
  };
}

const describe = (a: Answer) =>
  `HTTP ${a.status} ${a.codes.join(',') || 'answered'} ${a.ms} ms ${(a.bytes / 1e6).toFixed(1)} MB`;

/** The most aliases (from 15 down) that the cost limit lets through. */
async function mostAllowed(post: Post, document: (n: number) => string, vars: object) {
  for (let n = 15; n > 1; n--) {
    const answer = await post(document(n), vars as Record<string, unknown>);
    if (!answer.codes.includes('COST_LIMIT_EXCEEDED')) return n;
  }
  return 1;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Each document 10 times in a row (the median is checked against the budget), then 8 at once with
 * a plain request among them (its time says whether the refusals held it up).
 */
async function refusalTimes(post: Post, log: (line: string) => void) {
  const times: Record<string, number> = {};
  for (const [name, document] of [
    ['fan-out', fanOutDocument()],
    ['cycle', CYCLE_DOCUMENT],
  ] as const) {
    const sequential: Answer[] = [];
    for (let i = 0; i < 10; i++) sequential.push(await post(document));
    const [plain, ...crowd] = await Promise.all([
      post(VIEWER_DOCUMENT),
      ...Array.from({ length: 8 }, () => post(document)),
    ]);
    const all = [...sequential, ...crowd];
    if (all.some((a) => a.status !== 400)) throw new Error(`${name} was not refused with 400`);
    times[`${name} refused (median of 10)`] = median(sequential.map((a) => a.ms));
    times[`${name} refused (slowest of 8 at once)`] = Math.max(...crowd.map((a) => a.ms));
    times[`plain request among 8 ${name}s`] = plain.ms;
    log(
      `${name} (${document.length} characters): ${describe(sequential[0])}; ` +
        `median of 10 ${times[`${name} refused (median of 10)`]} ms; ` +
        `8 at once, slowest ${times[`${name} refused (slowest of 8 at once)`]} ms; ` +
        `a plain request among them: ${describe(plain)}`,
    );
  }
  return times;
}

export const hostileBenchmark: Benchmark = {
  name: 'hostile',
  description:
    'serve --only PIECE on MySQL, 3 years of usage of 200 sources: aliased series and reports ' +
    'at and over the limits, 8 at once, peak RSS per process; time to refuse a fragment fan-out ' +
    'and cycle',
  run: (log) =>
    withBenchDatabase(async (ds) => {
      log(`seeded ${await seedHostileData(ds, TODAY)} usage rows`);
      const graph = await serveGraph(benchDatabaseUrl(), {
        JWT_SECRET: JWT.secret,
        JWT_ISSUER: JWT.issuer,
        JWT_AUDIENCE: JWT.audience,
      });
      try {
        const token = await signToken({ userId: HOSTILE_ADMIN, ttl: '1h' }, JWT);
        const post = poster(graph.gatewayUrl, token);
        const metrics: BenchMetric[] = [];
        for (let i = 0; i < 5; i++) await post(VIEWER_DOCUMENT); // warm-up
        const times = await refusalTimes(post, log);
        for (const [label, ms] of Object.entries(times))
          metrics.push({ label, value: ms, unit: 'ms' });
        const seriesVars = { from: SERIES_FROM, to: TODAY };
        const reportVars = { partner: HOSTILE_PARTNER, from: REPORT_FROM, to: TODAY };
        const cases: Array<[string, (n: number) => string, object]> = [
          ['series', seriesDocument, seriesVars],
          ['report', reportDocument, reportVars],
        ];
        for (const [name, document, vars] of cases) {
          const post1 = (n: number) => post(document(n), vars as Record<string, unknown>);
          log(`${name} x30: ${describe(await post1(30))}`);
          log(`${name} x15: ${describe(await post1(15))}`);
          log(`${name} x1: ${describe(await post1(1))}`);
          const allowed = await mostAllowed(post, document, vars);
          const crowd = await Promise.all(Array.from({ length: 8 }, () => post1(allowed)));
          log(
            `${name} x${allowed} (the most the cost allows), 8 at once: ${crowd.map(describe).join('; ')}`,
          );
          if (crowd.some((a) => a.status !== 200 || a.codes.length > 0)) {
            throw new Error(`${name} x${allowed}, within the limits, was not answered`);
          }
          const thirties = await Promise.all(Array.from({ length: 8 }, () => post1(30)));
          log(`${name} x30, 8 at once: ${describe(thirties[0])} (and 7 more)`);
          metrics.push({ label: `${name}: aliases allowed`, value: allowed, unit: '' });
          log(`peak RSS so far (MB): ${JSON.stringify(graph.peakRssMb())}; dead: ${graph.dead()}`);
        }
        const peaks = graph.peakRssMb();
        for (const piece of PIECES) {
          metrics.push({ label: `${piece} peak RSS`, value: peaks[piece], unit: 'MB' });
        }
        const dead = graph.dead();
        if (dead.length > 0) throw new Error(`these processes died: ${dead.join(', ')}`);
        const slowest = Math.max(
          times['fan-out refused (median of 10)'],
          times['cycle refused (median of 10)'],
        );
        log(`refusal (median) ${slowest} ms (limit ${REFUSAL_LIMIT_MS} ms)`);
        if (slowest > REFUSAL_LIMIT_MS) throw new Error(`a refusal took ${slowest} ms`);
        return {
          metrics,
          budget: {
            what: 'highest peak RSS of one process',
            limit: RSS_LIMIT_MB,
            measured: Math.max(...Object.values(peaks)),
            unit: 'MB',
          },
        };
      } finally {
        await graph.stop();
      }
    }),
};
