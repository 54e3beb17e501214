import type { Benchmark } from './benchmark';
import { hostileBenchmark } from './hostile.bench';
import { ingestBenchmark } from './ingest.bench';
import { reportBenchmark } from './report.bench';
import { seedBenchmark } from './seed.bench';
import { subtreeBenchmark } from './read-path/subtree.bench';

/** Every benchmark `npm run bench` knows, in the order it runs them. Later issues add theirs. */
export const BENCHMARKS: readonly Benchmark[] = [
  seedBenchmark,
  ingestBenchmark,
  reportBenchmark,
  hostileBenchmark,
  subtreeBenchmark,
];
