import autocannon from 'autocannon';
import type { BenchMetric, Benchmark } from '../benchmark';
import { PARTNER, TODAY, round1, withReadGraph } from './read-graph';
import { operationText } from './subtree.bench';

// Issue 13 §8: a mixed read workload on the bench seed through the gateway of the graph as
// deployed (`serve --only PIECE`, one process each): the partner subtree (a page of 25 customers)
// and a customer's monthly usage report over a year by license type, one after the other on each
// connection (BENCH_LOAD_REPORT=partner: the partner-wide report, some seconds each),
// offered at fixed rates in steps (autocannon, latencies corrected for coordinated omission).
// Each step reports the rate achieved, p50/p99 and the errors (transport errors, non-2xx answers,
// answers with GraphQL errors); the knee is the last step that kept up (≥ 95 % of the offered
// rate, p99 under 1 s, no errors). Separately counted: answers with SUBGRAPH_UNAVAILABLE while
// every subgraph is up (goal: 0) and the gateway's retries of stale keep-alive sockets (/metrics).

const STEPS = [10, 20, 30, 40, 50, 60];
const STEP_SECONDS = Number(process.env.BENCH_LOAD_STEP_SECONDS ?? 15);
const KEEPS_UP = 0.95;
const CUSTOMER = 'c-bench-0001';
const PARTNER_WIDE = process.env.BENCH_LOAD_REPORT === 'partner';
const P99_LIMIT_MS = 1000;

interface Step {
  rate: number;
  achieved: number;
  p50: number;
  p99: number;
  /** Answers that were errors (non-2xx, GraphQL errors), and requests that got none. */
  errors: number;
  /** Requests sent: answered, or failed without an answer (timeouts, connection errors). */
  requests: number;
  unavailable: number;
}

async function step(url: string, token: string, rate: number): Promise<Step> {
  let errors = 0;
  let unavailable = 0;
  const onResponse = (status: number, body: string) => {
    if (status !== 200 || body.includes('"errors"')) errors += 1;
    if (body.includes('SUBGRAPH_UNAVAILABLE')) unavailable += 1;
  };
  const request = (name: string, variables: unknown) => ({
    method: 'POST' as const,
    body: JSON.stringify({ query: operationText(name), variables }),
    onResponse,
  });
  const result = await autocannon({
    url,
    // One request a second per connection: a connection waiting for a slow answer falls behind,
    // which the achieved rate shows.
    connections: rate,
    overallRate: rate,
    duration: STEP_SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    requests: [
      request('PartnerCustomerSubtree', { partnerId: PARTNER, first: 25, asOf: TODAY }),
      request('UsageReport', {
        filter: {
          ...(PARTNER_WIDE ? { partnerId: PARTNER } : { customerIds: [CUSTOMER] }),
          from: '2025-12-01',
          to: '2026-11-29',
        },
        groupBy: ['LICENSE_TYPE'],
        granularity: 'MONTH',
      }),
    ],
  });
  // autocannon counts a timeout in `errors` too.
  const unanswered = result.errors;
  return {
    rate,
    achieved: result.requests.total / STEP_SECONDS,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: errors + unanswered,
    requests: result.requests.total + unanswered,
    unavailable,
  };
}

/** The gateway's retried stale sockets so far (licensegraph_subgraph_fetch_errors_total). */
async function staleSocketRetries(gatewayUrl: string): Promise<number> {
  const text = await (await fetch(gatewayUrl.replace(/\/graphql$/, '/metrics'))).text();
  let sum = 0;
  for (const line of text.split('\n')) {
    if (
      line.startsWith('licensegraph_subgraph_fetch_errors_total{') &&
      line.includes('stale_socket')
    ) {
      sum += Number(line.split(' ').at(-1));
    }
  }
  return sum;
}

export const loadBenchmark: Benchmark = {
  name: 'load',
  description:
    `mixed reads (PartnerCustomerSubtree first 25 + a ${PARTNER_WIDE ? 'partner' : 'customer'}'s ` +
    `monthly UsageReport over a year) at ` +
    `${STEPS.join(', ')} req/s for ${STEP_SECONDS} s each through the gateway (serve --only): ` +
    'achieved rate, p50/p99, errors, the knee, false SUBGRAPH_UNAVAILABLE',
  run: (log) =>
    withReadGraph(log, {}, async (graph) => {
      const url = graph.gatewayUrl;
      // Warm-up: plans cached, pools filled, JIT done.
      await autocannon({
        url,
        connections: 4,
        amount: 40,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${graph.token}` },
        body: JSON.stringify({
          query: operationText('PartnerCustomerSubtree'),
          variables: { partnerId: PARTNER, first: 25, asOf: TODAY },
        }),
      });
      const steps: Step[] = [];
      for (const rate of STEPS) {
        const s = await step(url, graph.token, rate);
        steps.push(s);
        log(
          `${rate} req/s offered: ${round1(s.achieved)} achieved, p50 ${s.p50} ms, p99 ${s.p99} ms, ` +
            `errors ${s.errors}/${s.requests} (${round1((100 * s.errors) / Math.max(1, s.requests))} %), ` +
            `SUBGRAPH_UNAVAILABLE ${s.unavailable}`,
        );
      }
      const keptUp = steps.filter(
        (s) => s.achieved >= KEEPS_UP * s.rate && s.p99 < P99_LIMIT_MS && s.errors === 0,
      );
      const knee = keptUp.length > 0 ? Math.max(...keptUp.map((s) => s.rate)) : 0;
      const at50 = steps.find((s) => s.rate === 50)!;
      const retries = await staleSocketRetries(url);
      log(
        `knee ${knee} req/s; at 50 req/s: ${at50.unavailable} false SUBGRAPH_UNAVAILABLE, ` +
          `${at50.errors} errors; stale keep-alive sockets retried in the whole run: ${retries}`,
      );
      const metrics: BenchMetric[] = [{ label: 'knee', value: knee, unit: 'req/s' }];
      for (const s of steps) {
        metrics.push(
          { label: `${s.rate}/s p50`, value: s.p50, unit: 'ms' },
          { label: `${s.rate}/s p99`, value: s.p99, unit: 'ms' },
          { label: `${s.rate}/s errors`, value: s.errors, unit: 'answers' },
        );
      }
      return {
        metrics,
        budget: {
          what: 'false SUBGRAPH_UNAVAILABLE at 50 req/s (goal 0)',
          limit: 0,
          measured: at50.unavailable,
          unit: 'answers',
        },
      };
    }),
};
