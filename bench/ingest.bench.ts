import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { signToken } from '../src/auth/sign-token';
import { refreshStaleDailyTotals } from '../src/db/rollups/refresh-stale-totals';
import { USAGE_CHUNK_SIZE } from '../src/db/usage/usage-writer';
import { MAX_INGEST_RECORDS } from '../src/subgraphs/usage/resolvers/ingest-usage.resolver';
import type { Benchmark, BenchMetric } from './benchmark';
import { startBenchStack } from './bench-stack';
import {
  BENCH_COLLECTOR,
  BENCH_PARTNER,
  ROWS_PER_DAY,
  bareUpsert,
  chunksOf,
  importBenchOrganisation,
  loadDataFloor,
  resetUsage,
  usageRows,
  writeNdjson,
  writeTsv,
} from './ingest-data';
import { runMeasured } from './measured-process';
import { withBenchDatabase } from './mysql-database';

// Issues 6 and 14: how fast usage gets in, next to how fast MySQL takes the same rows from bare
// mysql2 (the floors), in the same run on the same table. Every measurement starts from the same
// state: the table emptied, then the first half of the days stored, so that half of the rows
// measured are new and half are updates of stored rows.
// - import: 1,000,000 NDJSON rows with `licensegraph import` run as a process of its own (its
//   start-up, parsing and checks included); goal at least 0.5 x `LOAD DATA LOCAL INFILE …
//   REPLACE` of the same rows from a file of the table's own columns (issue 14), with that
//   process's peak RSS under 300 MB. Also shown: multi-row upserts of the same rows (issue 6).
//   The update batches leave their partner days stale (src/db/rollups/usage-daily-stale.entity.ts):
//   the recount that the first partner-wide report after the import pays is timed on its own.
// - ingestUsage: 200,000 rows in batches of 5,000 through the gateway over HTTP, one collector
//   sending one batch after the other; goal at least 0.3 x the floor.

const IMPORT_DAYS = 1000; // x 1,000 rows a day = 1,000,000 rows
const MUTATION_DAYS = 200; // 200,000 rows
const JWT = { secret: 'bench-secret-of-at-least-thirty-two-bytes!', issuer: 'lg', audience: 'lg' };

const rate = (rows: number, seconds: number) => Math.round(rows / seconds);
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** `licensegraph import FILE` as a process of its own, as a user runs it. */
async function importRun(url: string, file: string, rows: number) {
  const main = path.resolve(__dirname, '../src/main.js');
  const run = await runMeasured(process.execPath, [main, 'import', file], {
    DATABASE_URL: url,
    LOG_LEVEL: 'warn',
  });
  const summary = run.stdout.trim().split('\n').pop() ?? '';
  const expected = `${rows} records read; ${rows / 2} inserted, ${rows / 2} updated, 0 unchanged, 0 rejected`;
  if (run.code !== 0 || !summary.endsWith(expected)) {
    throw new Error(
      `import did not store half new, half updated: ${summary} ${run.stderr.slice(0, 500)}`,
    );
  }
  return { seconds: run.seconds, rssMb: run.peakRssMb ?? NaN, summary };
}

async function mutationRun(ds: DataSource, rows: number): Promise<number> {
  const stack = await startBenchStack(ds, JWT);
  try {
    const url = stack.servers.gateway!.url;
    const authorization = `Bearer ${await signToken({ userId: BENCH_COLLECTOR, ttl: '1h' }, JWT)}`;
    const query = `mutation($records: [UsageRecordInput!]!) {
      ingestUsage(records: $records) { accepted inserted updated unchanged rejected { index code message } }
    }`;
    const counts = { inserted: 0, updated: 0 };
    const seconds = await timed(async () => {
      for (const chunk of chunksOf(usageRows(0, MUTATION_DAYS, 1), MAX_INGEST_RECORDS)) {
        const records = chunk.map((r) => ({
          sourceId: r.sourceId,
          licenseType: r.licenseType,
          date: r.day,
          consumed: r.consumed,
        }));
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization },
          body: JSON.stringify({ query, variables: { records } }),
        });
        const body = (await response.json()) as {
          data?: { ingestUsage: { inserted: number; updated: number; rejected: unknown[] } };
          errors?: unknown;
        };
        const payload = body.data?.ingestUsage;
        if (!payload || payload.rejected.length > 0) {
          throw new Error(`ingestUsage failed: ${JSON.stringify(body).slice(0, 500)}`);
        }
        counts.inserted += payload.inserted;
        counts.updated += payload.updated;
      }
    });
    if (counts.inserted !== rows / 2 || counts.updated !== rows / 2) {
      throw new Error(
        `ingestUsage did not store half new, half updated: ${JSON.stringify(counts)}`,
      );
    }
    return seconds;
  } finally {
    await stack.stop();
  }
}

export const ingestBenchmark: Benchmark = {
  name: 'ingest',
  description:
    'usage ingestion on MySQL: NDJSON import of 1,000,000 rows next to LOAD DATA LOCAL INFILE and ' +
    'multi-row upserts of the same rows, and ingestUsage in batches of 5,000 through the gateway ' +
    'next to upserts (half new, half updates)',
  run: (log) =>
    withBenchDatabase(async (ds) => {
      const url = (ds.options as { url: string }).url;
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-bench-ingest-'));
      const file = path.join(dir, 'usage.ndjson');
      const tsvFile = path.join(dir, 'usage.tsv');
      try {
        await importBenchOrganisation(ds);
        const importRows = IMPORT_DAYS * ROWS_PER_DAY;
        await writeNdjson(file, usageRows(0, IMPORT_DAYS, 1));
        await writeTsv(tsvFile, usageRows(0, IMPORT_DAYS, 1));
        log(
          `wrote ${importRows} rows to ${file} (${Math.round(fs.statSync(file).size / 2 ** 20)} MB)`,
        );

        await resetUsage(ds, IMPORT_DAYS / 2);
        const imported = await importRun(url, file, importRows);
        log(`import: ${imported.summary}`);
        const [{ n: staleDays }] = (await ds.query(
          'SELECT COUNT(*) AS n FROM usage_daily_stale',
        )) as Array<{ n: number | string }>;
        let recounted = 0;
        const recountSeconds = await timed(async () => {
          recounted = await refreshStaleDailyTotals(
            ds,
            [BENCH_PARTNER],
            '2020-01-01',
            '2099-12-31',
          );
        });
        log(`recounted the daily totals of ${recounted} stale partner days in ${recountSeconds} s`);
        await resetUsage(ds, IMPORT_DAYS / 2);
        const loadData = await loadDataFloor(url, tsvFile, importRows);
        await resetUsage(ds, IMPORT_DAYS / 2);
        const importFloor = await bareUpsert(url, usageRows(0, IMPORT_DAYS, 1), USAGE_CHUNK_SIZE);

        const mutationRows = MUTATION_DAYS * ROWS_PER_DAY;
        await resetUsage(ds, MUTATION_DAYS / 2);
        const mutationFloor = await bareUpsert(
          url,
          usageRows(0, MUTATION_DAYS, 1),
          USAGE_CHUNK_SIZE,
        );
        await resetUsage(ds, MUTATION_DAYS / 2);
        const mutation = await mutationRun(ds, mutationRows);

        const importRate = rate(importRows, imported.seconds);
        const importFloorRate = rate(importRows, importFloor);
        const loadDataRate = rate(importRows, loadData);
        const mutationRate = rate(mutationRows, mutation);
        const mutationFloorRate = rate(mutationRows, mutationFloor);
        const metrics: BenchMetric[] = [
          { label: 'import', value: importRate, unit: 'rows/s' },
          { label: 'LOAD DATA LOCAL INFILE (bare mysql2)', value: loadDataRate, unit: 'rows/s' },
          {
            label: 'import / LOAD DATA',
            value: ratio(importRate, loadDataRate),
            unit: 'x (goal >= 0.5)',
          },
          { label: 'multi-row upserts (bare mysql2)', value: importFloorRate, unit: 'rows/s' },
          { label: 'import / upserts', value: ratio(importRate, importFloorRate), unit: 'x' },
          { label: 'importer peak RSS', value: imported.rssMb, unit: 'MB (goal < 300)' },
          { label: 'stale partner days after the import', value: Number(staleDays), unit: 'days' },
          {
            label: 'their recount (first partner-wide report after the import)',
            value: Math.round(recountSeconds * 1000) / 1000,
            unit: 's',
          },
          { label: 'ingestUsage', value: mutationRate, unit: 'rows/s' },
          { label: 'ingestUsage floor (bare mysql2)', value: mutationFloorRate, unit: 'rows/s' },
          {
            label: 'ingestUsage / floor',
            value: ratio(mutationRate, mutationFloorRate),
            unit: 'x (goal >= 0.3)',
          },
        ];
        return { metrics };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }),
};
