import path from 'node:path';
import type { Logger } from 'typeorm';
import { LicenseType } from '../../../src/db/enums';
import { UsageSource } from '../../../src/db/entities';
import { importFiles } from '../../../src/ingest/import-files';
import { inTransaction } from '../../../src/db/sql/transaction';
import type { UsageRow } from '../../../src/db/usage/usage-row';
import { USAGE_CHUNK_SIZE, upsertUsageRows } from '../../../src/db/usage/usage-writer';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURES } from './database-state';
import {
  EXAMPLE_CLUSTER as CLUSTER,
  EXAMPLE_TENANT as TENANT,
  usageRowOf as row,
} from './example-sources';
import { ROLLUP_TABLES } from '../../../src/db/rollups/write-rollups';

// upsertUsageRows, the one write path for usage: exact counts, the source's columns on every row,
// the sources that reported marked, a fixed number of statements per chunk.

const T1 = new Date('2026-11-28T06:00:00.000Z');
const T2 = new Date('2026-11-29T06:00:00.000Z');

describe('upsertUsageRows', () => {
  let db: TestDatabase;
  let statements: string[] | null = null;
  const logger: Logger = {
    logQuery: (query) => void statements?.push(query),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };

  beforeAll(async () => {
    db = await openTestDatabase({ logger });
    const base = await importFiles(db.ds, [path.join(FIXTURES, 'example.json')], () => undefined, {
      now: T1,
    });
    expect(base.ok).toBe(true);
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    for (const table of ['license_usage', ...ROLLUP_TABLES]) {
      await db.ds.query(`DELETE FROM ${table}`);
    }
    await db.ds.query('UPDATE usage_sources SET last_reported_at = NULL');
  });

  const write = (rows: UsageRow[], at: Date) =>
    db.ds.transaction((m) => upsertUsageRows(m, rows, at));
  const stored = async () =>
    ((await db.ds.query('SELECT * FROM license_usage')) as Array<Record<string, unknown>>)
      .map((r) => `${r.source_id} ${r.license_type} ${r.day} ${r.consumed}`)
      .sort();
  const lastReported = async () =>
    Object.fromEntries(
      (await db.ds.getRepository(UsageSource).find()).map((s) => [s.id, s.lastReportedAt]),
    );

  it('counts inserted, updated and unchanged rows exactly in a mixed batch', async () => {
    expect(
      await write(
        [
          row(CLUSTER, LicenseType.PROFESSIONAL, '2026-11-20', 10),
          row(CLUSTER, LicenseType.PROFESSIONAL, '2026-11-21', 20),
          row(TENANT, LicenseType.BASIC, '2026-11-20', 5),
        ],
        T1,
      ),
    ).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect(
      await write(
        [
          row(CLUSTER, LicenseType.PROFESSIONAL, '2026-11-20', 10),
          row(CLUSTER, LicenseType.PROFESSIONAL, '2026-11-21', 21),
          row(CLUSTER, LicenseType.PROFESSIONAL, '2026-11-22', 30),
          row(TENANT, LicenseType.BASIC, '2026-11-20', 5),
          row(CLUSTER, LicenseType.COMMON_AREA, '2026-11-20', 0),
        ],
        T2,
      ),
    ).toEqual({ inserted: 2, updated: 1, unchanged: 2 });
    expect(await stored()).toEqual([
      'cl-ams-1 COMMON_AREA 2026-11-20 0',
      'cl-ams-1 PROFESSIONAL 2026-11-20 10',
      'cl-ams-1 PROFESSIONAL 2026-11-21 21',
      'cl-ams-1 PROFESSIONAL 2026-11-22 30',
      't-acme-us BASIC 2026-11-20 5',
    ]);
  });

  it('marks every source of a write that stored anything as reported, at the time given', async () => {
    await write([row(CLUSTER, LicenseType.PROFESSIONAL, '2026-11-20', 10)], T1);
    expect(await lastReported()).toEqual({ 'cl-ams-1': T1, 't-acme-us': null });
    // The tenant's row is as before, but it reported in a write that stored something.
    await write([row(TENANT, LicenseType.BASIC, '2026-11-20', 5)], T1);
    const tenantAgain = row(TENANT, LicenseType.BASIC, '2026-11-20', 5);
    await write([row(CLUSTER, LicenseType.PROFESSIONAL, '2026-11-21', 11), tenantAgain], T2);
    expect(await lastReported()).toEqual({ 'cl-ams-1': T2, 't-acme-us': T2 });
    // A write that changes nothing leaves them as they were.
    const T3 = new Date(T2.getTime() + 60_000);
    expect(await write([tenantAgain], T3)).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await lastReported()).toEqual({ 'cl-ams-1': T2, 't-acme-us': T2 });
  });

  it('writes the columns of the source on every row, and counts a row whose copies change as updated', async () => {
    const moved = { ...CLUSTER, region: 'APJC' };
    await write([row(CLUSTER, LicenseType.PROFESSIONAL, '2026-11-20', 11)], T1);
    expect(await write([row(moved, LicenseType.PROFESSIONAL, '2026-11-20', 11)], T2)).toEqual({
      inserted: 0,
      updated: 1,
      unchanged: 0,
    });
    expect(await db.ds.query('SELECT * FROM license_usage')).toEqual([
      {
        source_id: 'cl-ams-1',
        license_type: 'PROFESSIONAL',
        day: '2026-11-20',
        consumed: 11,
        source_type: 'CLUSTER',
        customer_id: 'c-acme',
        partner_id: 'p-emea',
        subscription_id: 'Sub-104233',
        region: 'APJC',
      },
    ]);
  });

  it('counts exactly over several chunks of scattered days, in a fixed number of statements', async () => {
    const days = Array.from({ length: 1100 }, (_, i) =>
      new Date(Date.UTC(2020, 0, 1) + i * 3 * 86_400_000).toISOString().slice(0, 10),
    );
    const rows = days.flatMap((day, i) => [
      row(CLUSTER, LicenseType.PROFESSIONAL, day, i),
      row(CLUSTER, LicenseType.COMMON_AREA, day, i % 7),
      row(TENANT, LicenseType.BASIC, day, i * 2),
    ]);
    // Every other row of the first write, so that the second meets gaps of every size.
    const first = rows.filter((_, i) => i % 2 === 0);
    expect(await write(first, T1)).toEqual({ inserted: first.length, updated: 0, unchanged: 0 });

    const second = rows.map((r, i) => (i % 4 === 0 ? { ...r, consumed: r.consumed + 1 } : r));
    expect(second.length).toBeGreaterThan(USAGE_CHUNK_SIZE);
    statements = [];
    const counts = await write(second, T2);
    const chunks = Math.ceil(second.length / USAGE_CHUNK_SIZE);
    const issued = statements.filter((s) => !/^(START TRANSACTION|BEGIN|COMMIT)/i.test(s));
    statements = null;
    expect(counts).toEqual({
      inserted: rows.length - first.length,
      updated: Math.ceil(rows.length / 4),
      unchanged: first.length - Math.ceil(rows.length / 4),
    });
    const touching = (table: string) => issued.filter((s) => s.includes(` ${table}`)).length;
    const written = counts.inserted + counts.updated;
    if (db.kind === 'mysql') {
      // The same statements whatever the number of rows: the staging table made, filled and
      // dropped, one merge into license_usage; the rollups (every part of this write rewrote rows:
      // its partner days are marked stale, one statement; the week and month values from the
      // staging table, one); the sources.
      expect(touching('license_usage')).toBe(1);
      expect(touching('usage_daily_stale')).toBe(1);
      expect(touching('usage_daily_totals')).toBe(0);
      expect(touching('usage_bucket_last')).toBe(1);
      // The merge (which joins the sources) and the update of lastReportedAt.
      expect(touching('usage_sources')).toBe(2);
      expect(issued).toHaveLength(7);
    } else {
      // Per chunk a read and a write; then the rollups, at most 1,000 rows per statement (a row
      // written changes one daily total and two bucket values at most); then the sources.
      expect(touching('license_usage')).toBe(2 * chunks);
      expect(touching('usage_daily_totals')).toBeGreaterThanOrEqual(1);
      expect(touching('usage_daily_totals')).toBeLessThanOrEqual(Math.ceil(second.length / 1000));
      expect(touching('usage_daily_stale')).toBe(0);
      expect(touching('usage_bucket_last')).toBeGreaterThanOrEqual(1);
      expect(touching('usage_bucket_last')).toBeLessThanOrEqual(
        Math.ceil((2 * second.length) / 1000),
      );
      expect(touching('usage_sources')).toBe(1);
      expect(issued).toHaveLength(
        touching('license_usage') +
          touching('usage_daily_totals') +
          touching('usage_bucket_last') +
          1,
      );
    }
    expect(written).toBeGreaterThan(0);
    expect(await stored()).toHaveLength(rows.length);
  });

  it('counts each row once when two writers store the same rows at the same time', async () => {
    const rows = Array.from({ length: 600 }, (_, i) =>
      row(
        CLUSTER,
        LicenseType.PROFESSIONAL,
        new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
        i,
      ),
    );
    const both = await Promise.all([
      inTransaction(db.ds, (m) => upsertUsageRows(m, rows, T1)),
      inTransaction(db.ds, (m) => upsertUsageRows(m, rows, T1)),
    ]);
    expect(both.map((c) => c.inserted + c.updated + c.unchanged)).toEqual([600, 600]);
    expect(both[0].inserted + both[1].inserted).toBe(600);
    expect(both[0].unchanged + both[1].unchanged).toBe(600);
    expect(await stored()).toHaveLength(600);
  });

  it('does nothing for no rows', async () => {
    statements = [];
    expect(await upsertUsageRows(db.ds.manager, [], T1)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 0,
    });
    expect(statements).toEqual([]);
    statements = null;
  });
});
