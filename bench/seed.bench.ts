import { seed } from '../src/ingest/seed/seed';
import { peakRssMb } from './benchmark';
import type { Benchmark } from './benchmark';
import { withBenchDatabase } from './mysql-database';

/** Issue 2: `licensegraph seed --scale bench` on MySQL finishes in under 3 minutes. */
const SEED_BENCH_LIMIT_SECONDS = 180;

export const seedBenchmark: Benchmark = {
  name: 'seed',
  description: 'seed --scale bench on MySQL: 400 customers, about 2.9 million usage rows',
  run: (log) =>
    withBenchDatabase(async (ds) => {
      const summary = await seed(ds, 'bench', { log });
      return {
        metrics: [
          { label: 'usage rows', value: summary.usageRows, unit: 'rows' },
          { label: 'time', value: summary.seconds, unit: 's' },
          { label: 'speed', value: summary.rowsPerSecond, unit: 'rows/s' },
          { label: 'peak RSS', value: peakRssMb(), unit: 'MB' },
        ],
        budget: {
          what: 'seed --scale bench',
          limit: SEED_BENCH_LIMIT_SECONDS,
          measured: summary.seconds,
          unit: 's',
        },
      };
    }),
};
