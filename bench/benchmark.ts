// What every benchmark in bench/ provides. bench/index.ts runs them; each lives in its own
// *.bench.ts file and is listed in bench/benchmarks.ts.

export interface BenchMetric {
  label: string;
  value: number;
  unit: string;
}

export interface BenchResult {
  metrics: BenchMetric[];
  /** The limit an issue sets (e.g. seed --scale bench under 180 s), checked against `measured`. */
  budget?: { what: string; limit: number; measured: number; unit: string };
}

export interface Benchmark {
  name: string;
  description: string;
  run(log: (line: string) => void): Promise<BenchResult>;
}

/** The highest resident set size of this process so far, in MB. */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
