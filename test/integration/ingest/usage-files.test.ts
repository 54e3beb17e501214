import path from 'node:path';
import { importFiles } from '../../../src/ingest/import-files';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURES, countRows, dumpTables, ndjson, scratchFolder } from './database-state';
import { ROLLUP_TABLES } from '../../../src/db/rollups/write-rollups';

// NDJSON and CSV usage: a bad line is reported by its number and skipped, the good lines are
// stored, and the import exits non-zero. A CSV file with a wrong header stores nothing.

const NOW = new Date('2026-11-29T12:00:00.000Z');

const usage = (sourceId: string, licenseType: string, date: string, consumed: unknown) => ({
  sourceId,
  licenseType,
  date,
  consumed,
});

describe('usage files with bad lines', () => {
  let db: TestDatabase;
  const scratch = scratchFolder();

  beforeAll(async () => {
    db = await openTestDatabase();
    const base = await importFiles(db.ds, [path.join(FIXTURES, 'example.json')], () => undefined, {
      now: NOW,
    });
    expect(base.ok).toBe(true);
  });
  afterAll(async () => {
    scratch.cleanup();
    await db.close();
  });
  beforeEach(async () => {
    for (const table of ['license_usage', ...ROLLUP_TABLES]) {
      await db.ds.query(`DELETE FROM ${table}`);
    }
  });

  const storedUsage = async () =>
    (await db.ds.query('SELECT source_id, license_type, day, consumed FROM license_usage'))
      .map(
        (r: Record<string, unknown>) => `${r.source_id} ${r.license_type} ${r.day} ${r.consumed}`,
      )
      .sort();

  it('NDJSON: stores exactly the good lines and names every bad one by its line', async () => {
    const truncated = '{"sourceId":"cl-ams-1","licen';
    const file = scratch.write(
      'usage.ndjson',
      [
        JSON.stringify(usage('cl-ams-1', 'PROFESSIONAL', '2026-11-20', 400)),
        JSON.stringify(usage('cl-ams-1', 'GOLD', '2026-11-20', 1)),
        '   ',
        JSON.stringify(usage('cl-ams-1', 'PROFESSIONAL', '2026-02-30', 1)),
        JSON.stringify(usage('cl-ams-1', 'PROFESSIONAL', '2026-1-5', 1)),
        JSON.stringify(usage('cl-ams-1', 'PROFESSIONAL', '2026-11-21', -3)),
        JSON.stringify(usage('cl-nope', 'PROFESSIONAL', '2026-11-21', 3)),
        JSON.stringify(usage('t-acme-us', 'BASIC', '2026-11-20', 190)),
        JSON.stringify(usage('cl-ams-1', 'PROFESSIONAL', '2026-11-20', 400)),
        JSON.stringify(usage('cl-ams-1', 'PROFESSIONAL', '2026-11-20', 401)),
        JSON.stringify({ ...usage('cl-ams-1', 'PROFESSIONAL', '2026-11-22', 1), colour: 'red' }),
        '[1,2]',
        JSON.stringify(usage('cl-ams-1', 'PROFESSIONAL', '2026-12-01', 1)),
        JSON.stringify(usage('cl-ams-1', 'PROFESSIONAL', '2026-11-23', 10_000_001)),
        JSON.stringify(usage('cl-ams-1', 'BASIC', '2026-11-23', 1)),
        truncated,
      ].join('\n'),
    );
    const lines: string[] = [];
    const summary = await importFiles(db.ds, [file], (line) => lines.push(line), { now: NOW });

    expect(summary.ok).toBe(false);
    expect(await storedUsage()).toEqual([
      'cl-ams-1 PROFESSIONAL 2026-11-20 400',
      't-acme-us BASIC 2026-11-20 190',
    ]);
    const report = lines.slice(0, -1);
    expect(report.sort()).toEqual(
      [
        `${file}:2: licenseType: "GOLD" is not a LicenseType`,
        `${file}:4: date: "2026-02-30" is not a day of the calendar`,
        `${file}:5: date: "2026-1-5" is not a date written YYYY-MM-DD`,
        `${file}:6: consumed: must not be negative, got -3`,
        `${file}:7: sourceId: unknown cluster or tenant "cl-nope"`,
        `${file}:10: cl-ams-1 PROFESSIONAL 2026-11-20 was already given with consumed 400 at line 1`,
        `${file}:11: colour: unknown field`,
        `${file}:12: expected an object with sourceId, licenseType, date, consumed, got [1,2]`,
        `${file}:13: date: "2026-12-01" is more than one day in the future (the latest day accepted is 2026-11-30)`,
        `${file}:14: consumed: must be at most 10000000, got 10000001`,
        `${file}:15: licenseType: subscription "Sub-104233" of "cl-ams-1" has no BASIC entitlement`,
        `${file}:16:${truncated.length + 1}: not valid JSON: the text ends before the JSON does (truncated?)`,
      ].sort(),
    );
    expect(lines[lines.length - 1]).toBe(
      `${file}: 15 records read; 2 inserted, 0 updated, 1 unchanged, 12 rejected`,
    );
    expect(summary.files[0].problems.map((p) => p.line)).toEqual(
      expect.arrayContaining([2, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16]),
    );
  });

  it('CSV: reads quoted fields and CRLF, stores the good records, names every bad line', async () => {
    const file = scratch.write(
      'usage.csv',
      [
        'sourceId,licenseType,date,consumed',
        'cl-ams-1,PROFESSIONAL,2026-11-20,400',
        '"t-acme-us","BASIC","2026-11-20","190"',
        'cl-ams-1,PROFESSIONAL,2026-11-21',
        'cl-ams-1,PROFESSIONAL,2026-11-22,12.5',
        'cl-ams-1,PROFESSIONAL,2026-11-23,-1',
        'cl-ams-1,GOLD,2026-11-24,1',
        '',
        'cl-ams-1,COMMON_AREA,2026-02-30,1',
        'cl-ams-1,COMMON_AREA,2026-11-20,61',
        'cl-ams-1,COMMON_AREA,"2026-11-',
      ].join('\r\n'),
    );
    const lines: string[] = [];
    const summary = await importFiles(db.ds, [file], (line) => lines.push(line), { now: NOW });

    expect(summary.ok).toBe(false);
    expect(await storedUsage()).toEqual([
      'cl-ams-1 COMMON_AREA 2026-11-20 61',
      'cl-ams-1 PROFESSIONAL 2026-11-20 400',
      't-acme-us BASIC 2026-11-20 190',
    ]);
    expect(lines.slice(0, -1).sort()).toEqual(
      [
        `${file}:4: expected 4 fields (sourceId,licenseType,date,consumed), got 3`,
        `${file}:5: consumed: must be an integer, got "12.5"`,
        `${file}:6: consumed: must not be negative, got -1`,
        `${file}:7: licenseType: "GOLD" is not a LicenseType`,
        `${file}:9: date: "2026-02-30" is not a day of the calendar`,
        `${file}:11: not valid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 11`,
      ].sort(),
    );
    expect(lines[lines.length - 1]).toBe(
      `${file}: 9 records read; 3 inserted, 0 updated, 0 unchanged, 6 rejected`,
    );
  });

  it('CSV: refuses a file whose header is not exactly the contract one, storing nothing', async () => {
    const before = await dumpTables(db.ds);
    const file = scratch.write(
      'renamed.csv',
      'sourceId,licenseType,day,consumed\ncl-ams-1,PROFESSIONAL,2026-11-20,400\n',
    );
    const empty = scratch.write('empty.csv', '');
    const lines: string[] = [];
    const summary = await importFiles(db.ds, [file, empty], (line) => lines.push(line), {
      now: NOW,
    });
    expect(summary.ok).toBe(false);
    expect(summary.files.map((f) => f.ok)).toEqual([false, false]);
    expect(lines).toEqual([
      `${file}:1: the header must be exactly "sourceId,licenseType,date,consumed", got "sourceId,licenseType,day,consumed"`,
      `${file}: refused, nothing written`,
      `${empty}:1: the file has no header "sourceId,licenseType,date,consumed"`,
      `${empty}: refused, nothing written`,
    ]);
    expect(await dumpTables(db.ds)).toEqual(before);
  });

  it('goes on with the next file after a refused one, and names files it cannot import', async () => {
    const good = scratch.write(
      'good.ndjson',
      ndjson([usage('cl-ams-1', 'PROFESSIONAL', '2026-11-25', 7)]),
    );
    const text = scratch.write('usage.txt', 'whatever');
    const missing = path.join(path.dirname(good), 'missing.ndjson');
    const lines: string[] = [];
    const summary = await importFiles(db.ds, [text, missing, good], (line) => lines.push(line), {
      now: NOW,
    });
    expect(summary.ok).toBe(false);
    expect(summary.files.map((f) => f.ok)).toEqual([false, false, true]);
    expect(lines).toEqual([
      `${text}: unsupported file type: expected .json, .ndjson or .csv`,
      `${text}: not imported`,
      `${missing}: no such file`,
      `${missing}: refused, nothing written`,
      `${good}: 1 records read; 1 inserted, 0 updated, 0 unchanged, 0 rejected`,
    ]);
    expect(await countRows(db.ds, 'license_usage')).toBe(1);
  });

  it('counts repeats across batches and updates changed values on a second file', async () => {
    const days = Array.from({ length: 1700 }, (_, i) =>
      new Date(Date.UTC(2022, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    );
    const records = days.flatMap((d, i) => [
      usage('cl-ams-1', 'PROFESSIONAL', d, i),
      usage('cl-ams-1', 'COMMON_AREA', d, i % 50),
      usage('t-acme-us', 'BASIC', d, 2 * i),
    ]);
    const first = scratch.write('year.ndjson', ndjson([...records, ...records.slice(0, 10)]));
    const result = await importFiles(db.ds, [first], () => undefined, { now: NOW });
    expect(result.files[0].counts.usage).toEqual({
      read: 5110,
      inserted: 5100,
      updated: 0,
      unchanged: 10,
      removed: 0,
    });

    const changed = records.map((r, i) =>
      i % 3 === 0 ? { ...r, consumed: (r.consumed as number) + 1 } : r,
    );
    const second = scratch.write('year-again.ndjson', ndjson(changed));
    const again = await importFiles(db.ds, [second], () => undefined, { now: NOW });
    expect(again.files[0].counts.usage).toEqual({
      read: 5100,
      inserted: 0,
      updated: 1700,
      unchanged: 3400,
      removed: 0,
    });
    expect(await countRows(db.ds, 'license_usage')).toBe(5100);
  });
});
