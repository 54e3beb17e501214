import { useFixtureDatabase } from '../../support/fixture-database';
import { USAGE_CHUNK_SIZE } from '../../../src/db/usage/usage-writer';
import { StatementCounter } from '../../support/statement-counter';
import { ingest, series } from './setup';
import type { Rec } from './setup';

// A batch costs a fixed number of statements per chunk of rows, never one per record or per
// source: the viewer, the sources and their entitlements (one statement each); on MySQL the
// staging table made, filled, merged into license_usage and dropped, whatever the number of rows,
// on SQLite per chunk a read and, for what changed, a write; the rollups (up to 1,000 rows per
// statement; MySQL: the week and month values in one statement from the staging table); one
// update of the sources' lastReportedAt.

const counter = new StatementCounter();
const { db } = useFixtureDatabase({ logger: counter });

/** The same number of records spread over five sources of two customers. */
function spread(from: string, perSource: number): Rec[] {
  return [
    ...series('cl-ams-1', 'PROFESSIONAL', from, perSource),
    ...series('cl-fra-1', 'COMMON_AREA', from, perSource),
    ...series('t-acme-us', 'BASIC', from, perSource),
    ...series('t-globex-eu', 'BASIC', from, perSource),
    ...series('cl-initech-1', 'PROFESSIONAL', from, perSource),
  ];
}

it.each([
  [5, '1990-01-01'],
  [1000, '1991-01-01'],
])(
  '%i records for each of 5 sources: a fixed number of statements per chunk',
  async (perSource, from) => {
    const records = spread(from, perSource);
    const chunks = Math.ceil(records.length / USAGE_CHUNK_SIZE);
    const { result, statements } = await counter.measure(() =>
      ingest(db.ds, 'u-uc-north', records),
    );
    expect(result.inserted).toBe(records.length);
    const touching = (table: string) =>
      statements.filter((s) => new RegExp(`\\b${table}\\b`).test(s)).length;
    const mysql = db.kind === 'mysql';
    expect(touching('license_usage')).toBe(mysql ? 1 : 2 * chunks);
    // MySQL: made, filled, merged from, week and month values taken from, dropped.
    if (mysql) expect(touching('usage_staging')).toBe(5);
    for (const [table, bound] of [
      ['usage_daily_totals', Math.ceil(records.length / 1000)],
      ['usage_bucket_last', mysql ? 1 : Math.ceil((2 * records.length) / 1000)],
    ] as const) {
      expect(touching(table)).toBeGreaterThanOrEqual(1);
      expect(touching(table)).toBeLessThanOrEqual(bound);
    }
    // Only new rows: their daily totals are exact, no day is left stale.
    expect(touching('usage_daily_stale')).toBe(0);
    // viewer + sources + entitlements, the usage and its rollups, lastReportedAt (MySQL: and
    // the staging table's own three)
    expect(statements).toHaveLength(
      3 +
        touching('license_usage') +
        touching('usage_daily_totals') +
        touching('usage_bucket_last') +
        1 +
        (mysql ? 3 : 0),
    );

    // The same records again: merged once (MySQL) or each chunk read once (SQLite); nothing
    // reaches the rollups.
    const again = await counter.measure(() => ingest(db.ds, 'u-uc-north', records));
    expect(again.result.unchanged).toBe(records.length);
    const usageStatements = again.statements.filter((s) => /\blicense_usage\b/.test(s));
    expect(usageStatements).toHaveLength(mysql ? 1 : chunks);
    expect(
      again.statements.filter((s) =>
        /usage_daily_totals|usage_daily_stale|usage_bucket_last/.test(s),
      ),
    ).toEqual([]);
  },
);
