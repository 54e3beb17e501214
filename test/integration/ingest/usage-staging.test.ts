import path from 'node:path';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../../src/db/data-source';
import { LicenseType } from '../../../src/db/enums';
import { rebuildUsageRollups } from '../../../src/db/rollups/rebuild';
import { refreshStaleDailyTotals } from '../../../src/db/rollups/refresh-stale-totals';
import { ROLLUP_TABLES } from '../../../src/db/rollups/write-rollups';
import { inTransaction } from '../../../src/db/sql/transaction';
import { STAGING_TABLE } from '../../../src/db/usage/staging-mysql';
import type { UsageRow } from '../../../src/db/usage/usage-row';
import { upsertUsageRows } from '../../../src/db/usage/usage-writer';
import { importFiles } from '../../../src/ingest/import-files';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURES, dumpTables } from './database-state';
import { StatementCounter } from '../../support/statement-counter';
import {
  EXAMPLE_CLUSTER as CLUSTER,
  EXAMPLE_TENANT as TENANT,
  usageRowOf as row,
} from './example-sources';

// The usage writer's set-based path (MySQL: rows streamed into a staging table with LOAD DATA
// LOCAL INFILE, merged with one INSERT … SELECT, rollups from the staging table; SQLite: its own
// path, the same behaviour): exact counts on a write that mixes new, changed and unchanged rows,
// rollups equal to a recomputation from license_usage, and a row the database refuses failing
// the whole write, with nothing of it stored and no staging table left behind.

const NOW = new Date('2026-11-29T12:00:00.000Z');
const day = (i: number) =>
  new Date(Date.UTC(2026, 6, 1) + i * 86_400_000).toISOString().slice(0, 10);

describe('usage written through the staging table', () => {
  let db: TestDatabase;
  /** MySQL: one connection, so that what it holds after a write can be asked on it. */
  let single: DataSource;
  const logger = new StatementCounter();

  beforeAll(async () => {
    db = await openTestDatabase({ logger });
    const base = await importFiles(db.ds, [path.join(FIXTURES, 'example.json')], () => undefined, {
      now: NOW,
    });
    expect(base.ok).toBe(true);
    single = db.kind === 'mysql' ? await openDataSource(db.config, { poolSize: 1 }) : db.ds;
  });
  afterAll(async () => {
    if (single !== db.ds) await single.destroy();
    await db.close();
  });
  beforeEach(async () => {
    for (const table of ['license_usage', ...ROLLUP_TABLES])
      await db.ds.query(`DELETE FROM ${table}`);
  });

  const write = (ds: DataSource, rows: UsageRow[]) =>
    inTransaction(ds, (m) => upsertUsageRows(m, rows, NOW));

  const stored = async () =>
    ((await db.ds.query('SELECT * FROM license_usage')) as Array<Record<string, unknown>>)
      .map((r) => `${r.source_id} ${r.license_type} ${r.day} ${Number(r.consumed)} ${r.region}`)
      .sort();

  async function rollups(): Promise<string[]> {
    const tables = await dumpTables(db.ds);
    return ['usage_daily_totals', 'usage_bucket_last'].flatMap((table) =>
      (tables[table] as Array<Record<string, unknown>>)
        .map((r) => `${table} ${Object.values(r).map(String).join(' ')}`)
        .sort(),
    );
  }

  /** The rollups as kept (stale days recounted, as a report does first), and as rebuilt. */
  async function keptAndRebuilt(): Promise<[string[], string[]]> {
    await refreshStaleDailyTotals(db.ds, ['p-emea'], '2000-01-01', '2099-12-31');
    const kept = await rollups();
    await db.ds.transaction((m) => rebuildUsageRollups(m));
    return [kept, await rollups()];
  }

  it('counts new, changed and unchanged rows of one write exactly, and keeps the rollups', async () => {
    const before = [
      ...Array.from({ length: 40 }, (_, i) => row(CLUSTER, LicenseType.PROFESSIONAL, day(i), i)),
      ...Array.from({ length: 40 }, (_, i) => row(TENANT, LicenseType.BASIC, day(i), 2 * i)),
    ];
    expect(await write(db.ds, before)).toEqual({ inserted: 80, updated: 0, unchanged: 0 });

    // Every third stored row changes; 30 rows are new, some on days already stored.
    const changed = before.map((r, i) => (i % 3 === 0 ? { ...r, consumed: r.consumed + 5 } : r));
    const fresh = Array.from({ length: 30 }, (_, i) =>
      row(CLUSTER, LicenseType.COMMON_AREA, day(20 + i), 7 * i),
    );
    logger.reset();
    const counts = await write(db.ds, [...fresh, ...changed]);
    expect(counts).toEqual({ inserted: 30, updated: 27, unchanged: 53 });
    if (db.kind === 'mysql') {
      expect(logger.statements.filter((s) => s.startsWith('LOAD DATA LOCAL INFILE'))).toHaveLength(
        1,
      );
    }
    expect(await stored()).toEqual(
      [...fresh, ...changed]
        .map((r) => `${r.sourceId} ${r.licenseType} ${r.day} ${r.consumed} ${r.region}`)
        .sort(),
    );
    const [kept, rebuilt] = await keptAndRebuilt();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(rebuilt);

    // The same write again changes nothing.
    expect(await write(db.ds, [...changed, ...fresh])).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 110,
    });
  });

  it('stores nothing of a write when the database refuses one of its rows', async () => {
    const good = Array.from({ length: 50 }, (_, i) =>
      row(CLUSTER, LicenseType.PROFESSIONAL, day(i), i),
    );
    await write(db.ds, good.slice(0, 10));
    const tablesBefore = await dumpTables(db.ds);
    // A source that does not exist (the checks upstream refuse it; the database does too).
    const ghost = { ...row(CLUSTER, LicenseType.PROFESSIONAL, day(5), 1), sourceId: 'cl-ghost' };
    await expect(
      write(single, [...good.slice(5).map((r) => ({ ...r, consumed: r.consumed + 1 })), ghost]),
    ).rejects.toThrow(db.kind === 'mysql' ? 'usage of cl-ghost: no such source' : /FOREIGN KEY/);
    expect(await dumpTables(db.ds)).toEqual(tablesBefore);
    if (db.kind === 'mysql') {
      // Dropped, not left on the connection for its next user.
      await expect(single.query(`SELECT COUNT(*) FROM ${STAGING_TABLE}`)).rejects.toThrow(
        /doesn't exist/,
      );
    }
    // The connection writes the next batch as usual.
    expect(await write(single, good)).toEqual({ inserted: 40, updated: 0, unchanged: 10 });
  });

  it('writes as usual on a connection that still holds a staging table', async () => {
    if (db.kind !== 'mysql') return; // SQLite has no staging table.
    // As a connection would hold one whose drop failed after its last write.
    await single.query(`CREATE TEMPORARY TABLE ${STAGING_TABLE} (leftover int)`);
    const rows = Array.from({ length: 30 }, (_, i) => row(TENANT, LicenseType.BASIC, day(i), i));
    expect(await write(single, rows)).toEqual({ inserted: 30, updated: 0, unchanged: 0 });
    await expect(single.query(`SELECT COUNT(*) FROM ${STAGING_TABLE}`)).rejects.toThrow(
      /doesn't exist/,
    );
  });

  it('names the row whose value the database cannot hold, and stores nothing of its write', async () => {
    if (db.kind !== 'mysql') return; // SQLite's integers have no such bound.
    const rows = Array.from({ length: 20 }, (_, i) => row(TENANT, LicenseType.BASIC, day(i), i));
    rows[13] = { ...rows[13], consumed: 2 ** 31 };
    await expect(write(single, rows)).rejects.toThrow(
      `usage t-acme-us BASIC ${day(13)}: refused by the database`,
    );
    expect(await stored()).toEqual([]);
    expect((await dumpTables(db.ds)).usage_bucket_last).toEqual([]);
    await expect(single.query(`SELECT COUNT(*) FROM ${STAGING_TABLE}`)).rejects.toThrow(
      /doesn't exist/,
    );
  });
});
