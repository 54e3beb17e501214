import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// The process's metrics (README, Operations: metrics), one registry per process: in the combined
// process (`start`, `serve` without --only) every server's /metrics shows the same registry, and
// the `service` label tells the gateway and the subgraphs apart. Each metric is recorded in one
// place: requests in http/observe, subgraph fetches in gateway/subgraph-fetcher, statements in
// db/instrument-statements, the pool in db/guarded-pool, ingested rows in db/usage, refusals where
// each limit refuses.

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'licensegraph_' });

/** Seconds: from a cache hit to a report near its limit. */
const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const requests = new Counter({
  name: 'licensegraph_requests_total',
  help: 'GraphQL requests answered, by service, operation name and outcome (ok or the first error code)',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers: [registry],
});

export const requestDuration = new Histogram({
  name: 'licensegraph_request_duration_seconds',
  help: 'Time from a GraphQL request to its answer, by service and operation name',
  labelNames: ['service', 'operation'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const subgraphFetchDuration = new Histogram({
  name: 'licensegraph_subgraph_fetch_duration_seconds',
  help: "The gateway's fetches from a subgraph, until the answer's headers, by subgraph",
  labelNames: ['subgraph'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const subgraphFetchErrors = new Counter({
  name: 'licensegraph_subgraph_fetch_errors_total',
  help: "The gateway's failed subgraph fetch attempts, by subgraph and reason (timeout, unreachable, stale_socket: retried)",
  labelNames: ['subgraph', 'reason'] as const,
  registers: [registry],
});

export const statementDuration = new Histogram({
  name: 'licensegraph_db_statement_duration_seconds',
  help: 'SQL statements, by kind (select, insert, ...) and outcome (ok, error); includes the wait for a pooled connection',
  labelNames: ['kind', 'outcome'] as const,
  buckets: SECONDS,
  registers: [registry],
});

export const ingestedRows = new Counter({
  name: 'licensegraph_ingested_rows_total',
  help: 'Usage records collectors reported through ingestUsage, by result (inserted, updated, unchanged, rejected)',
  labelNames: ['result'] as const,
  registers: [registry],
});

export const refusals = new Counter({
  name: 'licensegraph_refusals_total',
  help: 'Requests refused by a limit, by service and limit: rate_limit, cost, response_size, request_size, count, depth, aliases, directives, characters, tokens',
  labelNames: ['service', 'limit'] as const,
  registers: [registry],
});

export function countIngested(
  counts: Record<'inserted' | 'updated' | 'unchanged' | 'rejected', number>,
) {
  for (const [result, rows] of Object.entries(counts))
    if (rows > 0) ingestedRows.inc({ result }, rows);
}

/** What a database pool reports about itself when scraped. */
export interface PoolReading {
  inUse: number;
  waiting: number;
}

const pools = new Set<() => PoolReading>();

/** Adds a pool to the gauges until the returned function is called (the pool closed). */
export function watchPool(read: () => PoolReading): () => void {
  pools.add(read);
  return () => pools.delete(read);
}

function sumOf(key: keyof PoolReading): number {
  let sum = 0;
  for (const read of pools) sum += read()[key];
  return sum;
}

new Gauge({
  name: 'licensegraph_db_pool_in_use',
  help: "Connections of the process's MySQL pools handed out now",
  registers: [registry],
  collect() {
    this.set(sumOf('inUse'));
  },
});

new Gauge({
  name: 'licensegraph_db_pool_waiting',
  help: "Requests waiting for a connection of the process's MySQL pools now",
  registers: [registry],
  collect() {
    this.set(sumOf('waiting'));
  },
});

/** A bounded label: client-chosen names beyond the first MAX_NAMES all count as "other". */
const MAX_NAMES = 200;
const seenNames = new Set<string>();
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;

export function operationLabel(name: string | null | undefined): string {
  if (!name) return 'anonymous';
  if (!NAME.test(name)) return 'other';
  if (seenNames.has(name)) return name;
  if (seenNames.size >= MAX_NAMES) return 'other';
  seenNames.add(name);
  return name;
}
