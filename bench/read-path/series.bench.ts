import type { BenchMetric, Benchmark } from '../benchmark';
import { GRAPHS, PARTNER, TODAY, round1, round2, sideBySide, withReadGraph } from './read-graph';

// Issue 14 §2: usage series of 500 sources (the clusters and tenants of 100 customers) over a
// year by WEEK through the gateway, against the raw-SQL floor (floor-queries.ts: the same tree and
// one GROUP BY statement, JSON.stringify). Goal: ≤ 2× the floor. The answer (about 100,000 points)
// is over the default cost limit, point cap and within the response size: the first two are
// lifted for this benchmark, explicitly (MAX_QUERY_COST, MAX_USAGE_POINTS), as the report
// benchmark does; the response size stays at its default.

const FROM = '2025-11-30'; // 365 days, today included
const CUSTOMERS = 100;
const RUNS = 5;
const GOAL_RATIO = 2;

const POINT = 'period licenseType consumed peak average reportedDays';
const SERIES = `query Series($partnerId: ID!, $first: Int!, $from: Date!, $to: Date!) {
  partner(id: $partnerId) {
    customers(first: $first, orderBy: { field: NAME, direction: ASC }) {
      nodes {
        id
        subscriptions {
          id
          clusters { id usage(from: $from, to: $to, granularity: WEEK) { ${POINT} } }
          tenants { id usage(from: $from, to: $to, granularity: WEEK) { ${POINT} } }
        }
      }
    }
  }
}`;

export const seriesBenchmark: Benchmark = {
  name: 'series',
  description:
    'usage series of 500 sources (100 customers × 3 clusters + 2 tenants), a year by WEEK, on ' +
    'the bench seed through the gateway next to its raw-SQL floor: p50, ratio, equal answers',
  run: (log) =>
    withReadGraph(
      log,
      // The statement deadline too: the floor has none (see subtree.bench.ts).
      { MAX_QUERY_COST: '100000000', MAX_USAGE_POINTS: '1000000', REQUEST_TIMEOUT_SECONDS: '120' },
      async (graph) => {
        const variables = { partnerId: PARTNER, first: CUSTOMERS, from: FROM, to: TODAY };
        const r = await sideBySide(graph, { query: SERIES, variables }, '/series', variables, RUNS);
        if (!r.equal) throw new Error('the gateway and the floor answer differently');
        log(
          `${CUSTOMERS} customers, a year by WEEK: floor p50 ${round1(r.floorMs)} ms ` +
            `(${r.floorStatements} statements); ` +
            GRAPHS.map(
              (g) =>
                `${g.label} p50 ${round1(r.gatewayMs[g.key])} ms, ratio ` +
                `${round2(r.gatewayMs[g.key] / r.floorMs)}`,
            ).join('; ') +
            ` (goal ≤ ${GOAL_RATIO}); answers equal`,
        );
        const metrics: BenchMetric[] = [
          { label: 'floor p50', value: round1(r.floorMs), unit: 'ms' },
        ];
        for (const g of GRAPHS) {
          metrics.push(
            { label: `${g.label} p50`, value: round1(r.gatewayMs[g.key]), unit: 'ms' },
            { label: `${g.label} ratio`, value: round2(r.gatewayMs[g.key] / r.floorMs), unit: '×' },
          );
        }
        const ratio = r.gatewayMs.inProcessUrl / r.floorMs;
        return {
          metrics,
          budget: {
            what: 'gateway (subgraphs in process)/floor p50 ratio',
            limit: GOAL_RATIO,
            measured: round2(ratio),
            unit: '×',
          },
        };
      },
    ),
};
