import { signToken } from '../src/auth/sign-token';
import { seed } from '../src/ingest/seed/seed';
import type { BenchMetric, Benchmark } from './benchmark';
import { startBenchStack } from './bench-stack';
import { withBenchDatabase } from './mysql-database';

// Issue 16: the forecast, reclaimable licenses and the alerts that now fit a trend per
// subscription, on the bench seed (MySQL, about 2.9 million rows, 400 customers of one partner),
// through the gateway. No budget: the issue sets none; the numbers say what a page costs.

const TODAY = '2026-11-29';
const JWT = { secret: 'bench-secret-of-at-least-thirty-two-bytes!', issuer: 'lg', audience: 'lg' };
const RUNS = 3;

const CASES: Array<{ label: string; query: string }> = [
  {
    label: '20 customers by RECLAIMABLE',
    query: `{ partner(id: "p-bench") { customers(first: 20, orderBy: { field: RECLAIMABLE, direction: DESC }) {
      nodes { id } } } }`,
  },
  {
    label: '20 customers by RECLAIMABLE with reclaimable',
    query: `{ partner(id: "p-bench") { customers(first: 20, orderBy: { field: RECLAIMABLE, direction: DESC }) {
      nodes { id reclaimable { licenseType purchased peak reclaimable idleSources { id } } } } } }`,
  },
  {
    label: '20 customers with forecast (90 days)',
    query: `{ partner(id: "p-bench") { customers(first: 20) {
      nodes { id forecast { licenseType dailyTrend exhaustionDate earliest latest } } } } }`,
  },
  {
    label: '20 customers with forecast (365 days)',
    query: `{ partner(id: "p-bench") { customers(first: 20) {
      nodes { id forecast(historyDays: 365) { licenseType dailyTrend exhaustionDate } } } } }`,
  },
  {
    label: 'Partner.alerts (400 customers)',
    query: `{ partner(id: "p-bench") { alerts(asOf: "${TODAY}") { kind severity } } }`,
  },
];

const round = (n: number) => Math.round(n * 1000) / 1000;

export const planningBenchmark: Benchmark = {
  name: 'planning',
  description:
    'Forecast, reclaimable licenses and partner alerts on the bench seed (MySQL, about 2.9 ' +
    'million rows), through the gateway, each 3 times',
  run: (log) =>
    withBenchDatabase(async (ds) => {
      await seed(ds, 'bench', { today: TODAY, log });
      const stack = await startBenchStack(ds, JWT, { maxCost: 100_000_000 });
      try {
        const token = await signToken({ userId: 'u-bench-partner', ttl: '1h' }, JWT);
        const metrics: BenchMetric[] = [];
        for (const c of CASES) {
          const times: number[] = [];
          let size = 0;
          for (let run = 0; run < RUNS; run++) {
            const start = process.hrtime.bigint();
            const response = await fetch(stack.servers.gateway!.url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
              body: JSON.stringify({ query: c.query }),
            });
            const text = await response.text();
            times.push(round(Number(process.hrtime.bigint() - start) / 1e9));
            const body = JSON.parse(text) as { errors?: unknown[] };
            if (body.errors) throw new Error(`${c.label} failed: ${JSON.stringify(body.errors)}`);
            size = text.length;
          }
          log(`${c.label}: ${size} bytes; ${times.join(' / ')} s`);
          metrics.push({ label: `${c.label} (slowest)`, value: Math.max(...times), unit: 's' });
        }
        return { metrics };
      } finally {
        await stack.stop();
      }
    }),
};
