import autocannon from 'autocannon';
import type { BenchMetric, Benchmark } from '../benchmark';
import { GRAPHS, TODAY, post, round1, round2, withReadGraph } from './read-graph';
import { operationText } from './subtree.bench';

// Issue 14 §3: a small query (SubscriptionOverview: one customer's license summary and its
// subscriptions with their entitlements and summaries) at 16 concurrent connections through the
// gateway, against a bare node:http + mysql2 server answering the same JSON (floor-server.ts), one
// after the other in the same run, with autocannon in this process (the servers run in their
// own). Goal: the gateway reaches ≥ 0.5× the floor's requests per second.

const CUSTOMER = 'c-bench-0001';
const CONNECTIONS = 16;
const SECONDS = 10;
const GOAL = 0.5;

async function load(url: string, token: string, body: unknown) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.non2xx} answers other than 2xx`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

export const throughputBenchmark: Benchmark = {
  name: 'throughput',
  description:
    `SubscriptionOverview of one customer at ${CONNECTIONS} connections for ${SECONDS} s ` +
    '(autocannon), through the gateway and from a bare node:http + mysql2 server: requests/s, ratio',
  run: (log) =>
    withReadGraph(log, {}, async (graph) => {
      const variables = { customerId: CUSTOMER, asOf: TODAY };
      const gatewayBody = { query: operationText('SubscriptionOverview'), variables };
      const floorUrl = `${graph.floorUrl}/overview`;
      const b = await post(floorUrl, graph.token, { variables });
      for (const g of GRAPHS) {
        const a = await post(graph[g.key], graph.token, gatewayBody);
        if (JSON.stringify(a.body) !== JSON.stringify(b.body)) {
          throw new Error(`${g.label} and the floor answer differently`);
        }
      }
      const floor = await load(floorUrl, graph.token, { variables });
      const metrics: BenchMetric[] = [{ label: 'floor', value: round1(floor.rps), unit: 'req/s' }];
      log(
        `floor ${round1(floor.rps)} req/s (p50 ${floor.p50} ms, p99 ${floor.p99} ms, ` +
          `${b.statements} statements)`,
      );
      let budgeted = 0;
      for (const g of GRAPHS) {
        const gateway = await load(graph[g.key], graph.token, gatewayBody);
        const ratio = gateway.rps / floor.rps;
        log(
          `${g.label} ${round1(gateway.rps)} req/s (p50 ${gateway.p50} ms, p99 ${gateway.p99} ms), ` +
            `ratio ${round2(ratio)} (goal ≥ ${GOAL}); answers equal`,
        );
        metrics.push(
          { label: g.label, value: round1(gateway.rps), unit: 'req/s' },
          { label: `${g.label} ratio`, value: round2(ratio), unit: '×' },
        );
        if (g.key === 'inProcessUrl') budgeted = floor.rps / gateway.rps;
      }
      return {
        metrics,
        // The budget is checked as "measured ≤ limit": the floor's rate over the gateway's.
        budget: {
          what: 'floor/gateway (subgraphs in process) requests per second (goal: gateway ≥ 0.5× floor)',
          limit: 1 / GOAL,
          measured: round2(budgeted),
          unit: '×',
        },
      };
    }),
};
