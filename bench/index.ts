import 'reflect-metadata';
import type { Benchmark, BenchResult } from './benchmark';
import { BENCHMARKS } from './benchmarks';

// `npm run bench [-- NAME...]`: builds, then runs every benchmark, or those whose name contains
// one of the NAMEs. Prints each one's numbers; exits 1 when one fails or misses its budget.

export function selectBenchmarks(all: readonly Benchmark[], filters: string[]): Benchmark[] {
  if (filters.length === 0) return [...all];
  const chosen = all.filter((b) => filters.some((f) => b.name.includes(f)));
  if (chosen.length === 0) {
    throw new Error(
      `no benchmark matches ${filters.join(', ')}; there are: ${all.map((b) => b.name).join(', ')}`,
    );
  }
  return chosen;
}

function report(name: string, result: BenchResult): boolean {
  const numbers = result.metrics.map((m) => `${m.label} ${m.value} ${m.unit}`).join(', ');
  console.log(`[${name}] ${numbers}`);
  if (!result.budget) return true;
  const { what, limit, measured, unit } = result.budget;
  const within = measured <= limit;
  console.log(
    `[${name}] ${within ? 'within' : 'OVER'} budget: ${what} took ${measured} ${unit} (limit ${limit} ${unit})`,
  );
  return within;
}

async function main(argv: string[]): Promise<number> {
  let ok = true;
  for (const benchmark of selectBenchmarks(BENCHMARKS, argv)) {
    console.log(`[${benchmark.name}] ${benchmark.description}`);
    try {
      const result = await benchmark.run((line) => console.log(`[${benchmark.name}] ${line}`));
      ok = report(benchmark.name, result) && ok;
    } catch (error) {
      console.error(`[${benchmark.name}] failed: ${(error as Error).message}`);
      ok = false;
    }
  }
  return ok ? 0 : 1;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      console.error(error.message);
      process.exitCode = 1;
    },
  );
}
