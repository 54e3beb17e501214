import type { Benchmark } from './benchmark';
import { hostileBenchmark } from './hostile.bench';
import { ingestBenchmark } from './ingest.bench';
import { planningBenchmark } from './planning.bench';
import { reportBenchmark } from './report.bench';
import { seedBenchmark } from './seed.bench';
import { seriesBenchmark } from './read-path/series.bench';
import { subtreeBenchmark } from './read-path/subtree.bench';
import { throughputBenchmark } from './read-path/throughput.bench';
import { loadBenchmark } from './read-path/load.bench';

/** Every benchmark `npm run bench` knows, in the order it runs them. Later issues add theirs. */
export const BENCHMARKS: readonly Benchmark[] = [
  seedBenchmark,
  ingestBenchmark,
  reportBenchmark,
  planningBenchmark,
  hostileBenchmark,
  subtreeBenchmark,
  seriesBenchmark,
  throughputBenchmark,
  loadBenchmark,
];
