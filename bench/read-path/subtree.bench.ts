import fs from 'node:fs';
import path from 'node:path';
import type { BenchMetric, Benchmark } from '../benchmark';
import {
  GRAPHS,
  PARTNER,
  TODAY,
  graphStatements,
  round1,
  round2,
  sideBySide,
  withReadGraph,
} from './read-graph';

// Issue 14 §1: the partner subtree (PartnerCustomerSubtree: partner → customers(first) →
// subscriptions → licenseSummary, clusters and tenants → currentUsage) through the gateway against
// the raw-SQL floor (floor-queries.ts) at first = 5, 100 and 500, p50 of alternating requests, with
// the answers compared and the statements counted. Goal: ≤ 2× the floor; statements constant in
// `first` and at most the floor's + 3.

const WIDTHS: Array<{ first: number; runs: number }> = [
  { first: 5, runs: 21 },
  { first: 100, runs: 11 },
  { first: 500, runs: 7 },
];
const GOAL_RATIO = 2;
/** The budget line follows the faster way the graph runs, SUBGRAPHS_IN_PROCESS. */
const BUDGETED = 'inProcessUrl';

export function operationText(name: string): string {
  return fs.readFileSync(
    path.resolve(__dirname, '..', '..', '..', 'schema', 'operations', `${name}.graphql`),
    'utf8',
  );
}

export const subtreeBenchmark: Benchmark = {
  name: 'subtree',
  description:
    'PartnerCustomerSubtree on the bench seed (MySQL) through the gateway (serve --only, one ' +
    'process per piece) next to its raw-SQL floor (bare node:http + mysql2 + JSON.stringify, its ' +
    'own process), first = 5, 100, 500: p50, ratio, equal answers, statements',
  run: (log) =>
    // The floor has no statement deadline; the graph's (REQUEST_TIMEOUT_SECONDS, 10 s) stopped the
    // latest-snapshot statement of 2,500 sources at first = 500 on the month-partitioned usage
    // table of a loaded machine: lifted here, explicitly, so that the two are timed alike.
    withReadGraph(log, { REQUEST_TIMEOUT_SECONDS: '120' }, async (graph) => {
      const query = operationText('PartnerCustomerSubtree');
      const metrics: BenchMetric[] = [];
      let worst = 0;
      const requests = WIDTHS.map(({ first }) => ({
        query,
        variables: { partnerId: PARTNER, first, asOf: TODAY },
      }));
      for (const [i, { first, runs }] of WIDTHS.entries()) {
        const r = await sideBySide(graph, requests[i], '/subtree', requests[i].variables, runs);
        if (!r.equal) {
          throw new Error(`first = ${first}: the gateway and the floor answer differently`);
        }
        log(
          `first = ${first}: floor p50 ${round1(r.floorMs)} ms (${r.floorStatements} statements); ` +
            GRAPHS.map(
              (g) =>
                `${g.label} p50 ${round1(r.gatewayMs[g.key])} ms, ratio ` +
                `${round2(r.gatewayMs[g.key] / r.floorMs)}`,
            ).join('; ') +
            ` (goal ≤ ${GOAL_RATIO}); answers equal`,
        );
        metrics.push({ label: `first=${first} floor p50`, value: round1(r.floorMs), unit: 'ms' });
        for (const g of GRAPHS) {
          const ratio = r.gatewayMs[g.key] / r.floorMs;
          metrics.push(
            {
              label: `first=${first} ${g.label} p50`,
              value: round1(r.gatewayMs[g.key]),
              unit: 'ms',
            },
            { label: `first=${first} ${g.label} ratio`, value: round2(ratio), unit: '×' },
          );
          if (g.key === BUDGETED) worst = Math.max(worst, ratio);
        }
        if (i === WIDTHS.length - 1) {
          metrics.push({ label: 'floor statements', value: r.floorStatements, unit: '' });
        }
      }
      for (const inProcess of [false, true]) {
        const counts = await graphStatements(graph.databaseUrl, graph.token, requests, inProcess);
        const label = inProcess ? 'in process' : 'apart';
        log(
          `graph statements (subgraphs ${label}) at first = ` +
            `${WIDTHS.map((w) => w.first).join(' / ')}: ${counts.join(' / ')}`,
        );
        metrics.push({ label: `graph statements, ${label}`, value: Math.max(...counts), unit: '' });
      }
      return {
        metrics,
        budget: {
          what: 'worst gateway (subgraphs in process)/floor p50 ratio',
          limit: GOAL_RATIO,
          measured: round2(worst),
          unit: '×',
        },
      };
    }),
};
