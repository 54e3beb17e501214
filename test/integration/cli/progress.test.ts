import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createCliDatabase, FIRST_CALL_TIMEOUT_MS, runCli, runCliInTerminal } from './cli-process';
import type { CliDatabase } from './cli-process';
import { USAGE_BATCH_LINES } from '../../../src/ingest/bulk/usage-stream';

// Progress of `seed` and `import` through the real command line, in both modes: plain lines on
// stderr when the output is not a terminal (never on stdout), a live line on a pseudo-terminal;
// and --json: one JSON object on stdout. PROGRESS_INTERVAL_SECONDS is tiny here so that every
// written batch prints its line whatever the speed of the machine.

const TODAY = '2026-11-29';
/** Two batches of the importer (at least; 10,000 lines each). */
const USAGE_DAYS = 300;
const PROGRESS =
  /^(seed small|import usage\.ndjson): [\d,]+ rows, [\d,]+ rows\/s(, \d+ %)?(, about .+ left)?$/;
const FINISHED =
  /^(seed small|import usage\.ndjson): finished, [\d,]+ rows in [\d.]+ s \([\d,]+ rows\/s\)$/;

function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

describe('progress of seed and import', () => {
  let db: CliDatabase;
  let env: Record<string, string>;
  let usageFile: string;
  let expectedRows: number;

  beforeAll(async () => {
    db = await createCliDatabase();
    env = {
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      LOG_LEVEL: 'warn',
      PROGRESS_INTERVAL_SECONDS: '0.001',
    };
    const migrated = await runCli(['migrate'], env);
    expect(migrated.code).toBe(0);
  }, FIRST_CALL_TIMEOUT_MS);
  afterAll(() => db.close());

  it('seed --json: one JSON object on stdout, progress lines on stderr', async () => {
    const { code, stdout, stderr } = await runCli(
      ['seed', '--scale', 'small', '--today', TODAY, '--json'],
      env,
    );
    expect(code).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({
      ok: true,
      scale: 'small',
      today: TODAY,
      usageRows: 2400,
      usage: { inserted: 2400, updated: 0, unchanged: 0 },
      problems: [],
    });
    expect(lines(stdout)).toHaveLength(1);
    const progress = lines(stderr);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    for (const line of progress.slice(0, -1)) expect(line).toMatch(PROGRESS);
    expect(progress.at(-1)).toMatch(FINISHED);
    expect(progress.at(-1)).toContain('2,400 rows');
  });

  it('seed without --json: its report on stdout, no progress there', async () => {
    const { code, stdout, stderr } = await runCli(
      ['seed', '--scale', 'small', '--today', TODAY],
      env,
    );
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Seeded small into .*2400 usage rows up to 2026-11-29/m);
    expect(stdout).not.toMatch(/rows\/s,|finished,/);
    expect(lines(stderr).at(-1)).toMatch(FINISHED);
  });

  describe('import of a usage file', () => {
    let ds: DataSource;
    beforeAll(async () => {
      ds = await db.open();
      const keys: Array<{ source_id: string; license_type: string }> = await ds.query(
        'SELECT DISTINCT source_id, license_type FROM license_usage ORDER BY source_id, license_type',
      );
      usageFile = path.join(db.dataDir, 'usage.ndjson');
      const out: string[] = [];
      const start = Date.parse('2025-01-01T00:00:00Z');
      for (let day = 0; day < USAGE_DAYS; day++) {
        const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
        for (const key of keys) {
          out.push(
            JSON.stringify({
              sourceId: key.source_id,
              licenseType: key.license_type,
              date,
              consumed: day % 50,
            }),
          );
        }
      }
      expectedRows = out.length;
      fs.writeFileSync(usageFile, `${out.join('\n')}\n`);
    });
    afterAll(() => ds.destroy());

    it('prints rows, rows/s and percent on stderr while stdout keeps the report', async () => {
      expect(expectedRows).toBeGreaterThan(USAGE_BATCH_LINES);
      const { code, stdout, stderr } = await runCli(['import', usageFile], env);
      expect(code).toBe(0);
      expect(stdout).toBe(
        `${usageFile}: ${expectedRows} records read; ${expectedRows} inserted, 0 updated, 0 unchanged, 0 rejected\n`,
      );
      const progress = lines(stderr);
      expect(progress[0]).toMatch(PROGRESS);
      expect(progress[0]).toMatch(
        new RegExp(
          `^import usage\\.ndjson: ${USAGE_BATCH_LINES.toLocaleString('en-US')} rows, [\\d,]+ rows/s, \\d+ %`,
        ),
      );
      expect(progress.at(-1)).toMatch(FINISHED);
      expect(progress.at(-1)).toContain(`${expectedRows.toLocaleString('en-US')} rows`);
    });

    it('import --json: one JSON object with the counts and problems', async () => {
      const bad = path.join(db.dataDir, 'bad.ndjson');
      fs.writeFileSync(
        bad,
        '{"sourceId":"nope","licenseType":"PROFESSIONAL","date":"2026-11-01","consumed":1}\n',
      );
      const { code, stdout } = await runCli(['import', usageFile, bad, '--json'], env);
      expect(code).toBe(1);
      expect(lines(stdout)).toHaveLength(1);
      const summary = JSON.parse(stdout);
      expect(summary.ok).toBe(false);
      expect(summary.files[0]).toMatchObject({
        ok: true,
        read: expectedRows,
        counts: { usage: { unchanged: expectedRows } },
      });
      expect(summary.files[1]).toMatchObject({ ok: false, read: 1, rejected: 1 });
      expect(summary.files[1].problems[0]).toMatchObject({ line: 1, code: 'UNKNOWN_SOURCE' });
    });

    it('draws a live line with bar, percent, rows and rows/s on a terminal', async () => {
      const { code, output } = await runCliInTerminal(['import', usageFile], {
        ...env,
        PROGRESS_INTERVAL_SECONDS: '10',
      });
      expect(code).toBe(0);
      // Drawn in place: control sequences, and the last state left on screen.
      expect(output).toContain('\u001b[');
      const rows = expectedRows.toLocaleString('en-US');
      expect(output).toMatch(
        new RegExp(`import usage\\.ndjson \\S+ 100% \\| ${rows} rows \\| [\\d,]+ rows/s \\| done`),
      );
      // The command's own report is still there, and no plain progress line.
      expect(output).toContain(`${expectedRows} records read; 0 inserted, 0 updated`);
      expect(output).not.toMatch(/finished,/);
    });
  });
});
