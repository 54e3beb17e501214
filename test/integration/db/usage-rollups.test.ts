import path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { UsageRollups1796100000000 } from '../../../migrations/1796100000000-usage-rollups';
import { openDataSource } from '../../../src/db/data-source';
import { LicenseType } from '../../../src/db/enums';
import { rebuildUsageRollups } from '../../../src/db/rollups/rebuild';
import { refreshStaleDailyTotals } from '../../../src/db/rollups/refresh-stale-totals';
import { importDocument } from '../../../src/ingest/document/import-document';
import { importFiles } from '../../../src/ingest/import-files';
import { inTransaction } from '../../../src/db/sql/transaction';
import type { UsageRow } from '../../../src/db/usage/usage-row';
import { upsertUsageRows } from '../../../src/db/usage/usage-writer';
import { createMysqlDatabase, openTestDatabase } from '../../support/database';
import { StatementCounter } from '../../support/statement-counter';
import type { TestDatabase } from '../../support/database';
import { FIXTURES, clearTables, scratchFolder } from '../ingest/database-state';
import {
  EXAMPLE_CLUSTER as AMS,
  EXAMPLE_TENANT as US,
  usageRowOf as row,
} from '../ingest/example-sources';

// The usage rollups (src/db/rollups) are kept by every write instead of being recomputed. After
// any sequence of writes, and once the days left stale are recounted (as every report that reads
// them does first), they must hold exactly what a rebuild from license_usage gives, and what the
// rows written say.

const NOW = new Date('2026-11-29T12:00:00.000Z');

/** Days from 2026-08-01 on, every `step` days. */
const days = (count: number, step: number, offset = 0) =>
  Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(2026, 7, 1) + (offset + i * step) * 86_400_000).toISOString().slice(0, 10),
  );

type Rollups = { daily: string[]; last: string[] };

async function staleDays(ds: DataSource): Promise<string[]> {
  const rows: Array<{ partner_id: string; day: string }> = await ds.query(
    'SELECT partner_id, day FROM usage_daily_stale',
  );
  return rows.map((r) => `${r.partner_id} ${r.day}`).sort();
}

/** Recounts every stale day of every partner; returns how many there were. */
async function recountAll(ds: DataSource): Promise<number> {
  const partners: Array<{ id: string }> = await ds.query('SELECT id FROM partners');
  return refreshStaleDailyTotals(
    ds,
    partners.map((p) => p.id),
    '2000-01-01',
    '2099-12-31',
  );
}

async function readRollups(ds: DataSource): Promise<Rollups> {
  const daily: Array<Record<string, unknown>> = await ds.query('SELECT * FROM usage_daily_totals');
  const last: Array<Record<string, unknown>> = await ds.query('SELECT * FROM usage_bucket_last');
  return {
    daily: daily
      .map(
        (r) =>
          `${r.partner_id} ${r.day} ${r.region} ${r.license_type} ${Number(r.consumed)} ${Number(r.row_count)}`,
      )
      .sort(),
    last: last
      .map(
        (r) =>
          `${r.source_id} ${r.license_type} ${r.bucket} ${r.period} ${r.last_day} ${Number(r.consumed)} ` +
          `${r.customer_id} ${r.partner_id} ${r.subscription_id} ${r.region}`,
      )
      .sort(),
  };
}

/**
 * The rollups as kept (after the stale days are recounted), next to what a rebuild from
 * license_usage makes of the same rows.
 */
async function keptAndRebuilt(ds: DataSource): Promise<{ kept: Rollups; rebuilt: Rollups }> {
  await recountAll(ds);
  expect(await staleDays(ds)).toEqual([]);
  const kept = await readRollups(ds);
  await ds.transaction((manager) => rebuildUsageRollups(manager));
  return { kept, rebuilt: await readRollups(ds) };
}

describe('usage rollups', () => {
  let db: TestDatabase;

  const counter = new StatementCounter();

  beforeAll(async () => {
    db = await openTestDatabase({ logger: counter });
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await clearTables(db.ds);
    const base = await importFiles(db.ds, [path.join(FIXTURES, 'example.json')], () => undefined, {
      now: NOW,
    });
    expect(base.ok).toBe(true);
  });

  const write = (rows: UsageRow[]) => inTransaction(db.ds, (m) => upsertUsageRows(m, rows, NOW));
  const expectConsistent = async () => {
    const { kept, rebuilt } = await keptAndRebuilt(db.ds);
    expect(kept.daily.length).toBeGreaterThan(0);
    expect(kept).toEqual(rebuilt);
    return kept;
  };

  it('follow inserts, updates, same-day rewrites and writes out of order', async () => {
    // Every third day first, then the days between (earlier than what is kept), then changes.
    const early = days(30, 3);
    const between = [...days(30, 3, 1), ...days(30, 3, 2)];
    await write(
      early.flatMap((d, i) => [
        row(AMS, LicenseType.PROFESSIONAL, d, 100 + i),
        row(US, LicenseType.PROFESSIONAL, d, 10 + i),
      ]),
    );
    await expectConsistent();
    await write(between.map((d, i) => row(AMS, LicenseType.PROFESSIONAL, d, 500 + i)));
    await expectConsistent();
    await write([
      row(AMS, LicenseType.PROFESSIONAL, '2026-08-31', 7),
      row(AMS, LicenseType.PROFESSIONAL, '2026-08-30', 8),
      row(US, LicenseType.PROFESSIONAL, '2026-08-31', 0),
      row(AMS, LicenseType.STANDARD, '2026-08-05', 3),
    ]);
    const kept = await expectConsistent();

    // What the rows say, independently of the rebuild: August's last values and a daily total.
    expect(kept.last).toContain(
      'cl-ams-1 PROFESSIONAL MONTH 2026-08-01 2026-08-31 7 c-acme p-emea Sub-104233 EMEA',
    );
    expect(kept.last).toContain(
      't-acme-us PROFESSIONAL MONTH 2026-08-01 2026-08-31 0 c-acme p-emea Sub-200001 AMER',
    );
    // 2026-08-31 is a Monday: the week before ends on the 30th.
    expect(kept.last).toContain(
      'cl-ams-1 PROFESSIONAL WEEK 2026-08-24 2026-08-30 8 c-acme p-emea Sub-104233 EMEA',
    );
    expect(kept.last).toContain(
      'cl-ams-1 STANDARD WEEK 2026-08-03 2026-08-05 3 c-acme p-emea Sub-104233 EMEA',
    );
    expect(kept.daily).toContain('p-emea 2026-08-30 EMEA PROFESSIONAL 8 1');

    // The same rows again change nothing.
    await write([row(AMS, LicenseType.PROFESSIONAL, '2026-08-31', 7)]);
    expect(await readRollups(db.ds)).toEqual(kept);
  });

  it('follow a source that moves to another region, and drop the group it leaves empty', async () => {
    await write(
      days(40, 1).flatMap((d, i) => [
        row(AMS, LicenseType.PROFESSIONAL, d, 200 + i),
        row(US, LicenseType.PROFESSIONAL, d, 20),
      ]),
    );
    const result = await importDocument(
      db.ds,
      {
        clusters: [
          { id: AMS.id, subscriptionId: AMS.subscriptionId, name: 'AMS-1', region: 'AMER' },
        ],
      },
      'move.json',
      { now: NOW },
    );
    expect(result.problems).toEqual([]);
    const kept = await expectConsistent();
    expect(kept.daily.filter((line) => line.includes(' EMEA '))).toEqual([]);
    expect(kept.daily).toContain('p-emea 2026-08-01 AMER PROFESSIONAL 220 2');
    expect(kept.last.filter((line) => line.startsWith('cl-ams-1'))).not.toHaveLength(0);
    expect(kept.last.filter((line) => line.endsWith(' EMEA'))).toEqual([]);
  });

  it('follow rows that the usage writer rewrites with a new region of their source', async () => {
    await write(days(10, 1).map((d, i) => row(AMS, LicenseType.PROFESSIONAL, d, 50 + i)));
    const moved = { ...AMS, region: 'APJC' };
    const counts = await write(
      days(10, 1).map((d, i) => row(moved, LicenseType.PROFESSIONAL, d, 50 + i)),
    );
    expect(counts).toEqual({ inserted: 0, updated: 10, unchanged: 0 });
    const kept = await expectConsistent();
    // (The fixture's own row of 2026-11-28 was not rewritten and stays in EMEA.)
    expect(kept.daily.filter((line) => line.includes(' EMEA ') && line.includes('-08-'))).toEqual(
      [],
    );
    expect(kept.daily).toContain('p-emea 2026-08-01 APJC PROFESSIONAL 50 1');
  });

  it('stay exact when two writers store overlapping rows at the same time', async () => {
    const first = days(120, 1).flatMap((d, i) => [
      row(AMS, LicenseType.PROFESSIONAL, d, i),
      row(US, LicenseType.BASIC, d, 2 * i),
    ]);
    const second = days(120, 1, 60).flatMap((d, i) => [
      row(AMS, LicenseType.PROFESSIONAL, d, 1000 + i),
      row(US, LicenseType.BASIC, d, 3 * i),
    ]);
    await Promise.all([write(first), write(second), write(first)]);
    await expectConsistent();
  });

  it('keep new rows exact as written; on MySQL, days with rewritten rows stay stale until recounted', async () => {
    const first = days(30, 1);
    await write(
      first.flatMap((d, i) => [
        row(AMS, LicenseType.PROFESSIONAL, d, 100 + i),
        row(US, LicenseType.PROFESSIONAL, d, 10),
      ]),
    );
    // Only new rows: exact as they were written, nothing to recount.
    expect(await staleDays(db.ds)).toEqual([]);
    await expectConsistent();

    // Ten days rewritten and five new ones, in one write.
    const rewritten = first.slice(0, 10);
    const added = days(5, 1, 40);
    const counts = await write([
      ...rewritten.map((d) => row(AMS, LicenseType.PROFESSIONAL, d, 7)),
      ...added.map((d) => row(AMS, LicenseType.PROFESSIONAL, d, 9)),
    ]);
    expect(counts).toEqual({ inserted: 5, updated: 10, unchanged: 0 });
    const marked = [...rewritten, ...added].map((d) => `p-emea ${d}`).sort();
    expect(await staleDays(db.ds)).toEqual(db.kind === 'mysql' ? marked : []);

    // A recount covers the partners and days it is given, and no others.
    expect(await refreshStaleDailyTotals(db.ds, ['p-other'], first[0], added[4])).toBe(0);
    expect(await refreshStaleDailyTotals(db.ds, ['p-emea'], first[0], first[4])).toBe(
      db.kind === 'mysql' ? 5 : 0,
    );
    expect(await staleDays(db.ds)).toEqual(db.kind === 'mysql' ? marked.slice(5) : []);
    const partly = await readRollups(db.ds);
    expect(partly.daily).toContain(`p-emea ${first[0]} EMEA PROFESSIONAL 7 1`);
    expect(partly.daily).toContain(`p-emea ${first[0]} AMER PROFESSIONAL 10 1`);

    const kept = await expectConsistent();
    expect(kept.daily).toContain(`p-emea ${first[9]} EMEA PROFESSIONAL 7 1`);
    expect(kept.daily).toContain(`p-emea ${added[0]} EMEA PROFESSIONAL 9 1`);
    expect(kept.daily).toContain(`p-emea ${first[10]} EMEA PROFESSIONAL 110 1`);
  });

  it('stay exact when recounts run while writers rewrite the same days', async () => {
    const span = days(60, 1);
    const rewrite = (version: number) =>
      write(
        span.flatMap((d, i) => [
          row(AMS, LicenseType.PROFESSIONAL, d, version * 100 + i),
          row(US, LicenseType.PROFESSIONAL, d, version),
        ]),
      );
    await rewrite(0);
    await Promise.all([
      rewrite(1),
      recountAll(db.ds),
      rewrite(2),
      recountAll(db.ds),
      rewrite(3),
      recountAll(db.ds),
    ]);
    const kept = await expectConsistent();
    // The writes' order is not known; each row holds one of them, as its daily total does.
    const total = kept.daily.find((line) =>
      line.startsWith(`p-emea ${span[0]} EMEA PROFESSIONAL `),
    );
    expect(['100', '200', '300']).toContain(total?.split(' ')[4]);
  });

  it('recount any number of stale days in the same statements, and cost one when none is', async () => {
    const span = days(40, 1);
    await write(span.map((d, i) => row(AMS, LicenseType.PROFESSIONAL, d, i)));
    const outside = (await readRollups(db.ds)).daily.filter(
      (line) => !span.includes(line.split(' ')[1]),
    );
    expect(outside).not.toEqual([]);
    const recount = async (marked: string[]) => {
      // Marked by hand, so that both databases recount (SQLite never marks a day itself).
      for (const day of marked) {
        await db.ds.query('INSERT INTO usage_daily_stale (partner_id, day) VALUES (?, ?)', [
          'p-emea',
          day,
        ]);
      }
      await db.ds.query('UPDATE usage_daily_totals SET consumed = consumed + 1000');
      const { result, statements } = await counter.measure(() =>
        refreshStaleDailyTotals(db.ds, ['p-emea'], span[0], span[39]),
      );
      expect(result).toBe(marked.length);
      return statements.length;
    };
    expect(await recount([])).toBe(1);
    const one = await recount([span[3]]);
    const all = await recount(span);
    expect(all).toBe(one);
    // Every day of the range was recounted; the fixture's own days, outside it, were not.
    const kept = await readRollups(db.ds);
    expect(kept.daily).toContain(`p-emea ${span[0]} EMEA PROFESSIONAL 0 1`);
    expect(kept.daily).toContain(`p-emea ${span[39]} EMEA PROFESSIONAL 39 1`);
    const bumped = (line: string) => {
      const parts = line.split(' ');
      parts[4] = String(Number(parts[4]) + 3000);
      return parts.join(' ');
    };
    expect(kept.daily.filter((line) => !span.includes(line.split(' ')[1]))).toEqual(
      outside.map(bumped),
    );
  });

  it('are filled from the usage of a database that had none', async () => {
    await write(days(20, 2).map((d, i) => row(AMS, LicenseType.PROFESSIONAL, d, i)));
    await recountAll(db.ds);
    const expected = await readRollups(db.ds);
    if (db.kind === 'sqlite') {
      // An embedded database made before the rollups: they are built when it is opened.
      const folder = scratchFolder();
      try {
        const file = folder.write('old.sqlite', '');
        const config = { kind: 'sqlite' as const, file };
        const old = await openDataSource(config);
        const base = await importFiles(
          old,
          [path.join(FIXTURES, 'example.json')],
          () => undefined,
          {
            now: NOW,
          },
        );
        expect(base.ok).toBe(true);
        await inTransaction(old, (m) =>
          upsertUsageRows(
            m,
            days(20, 2).map((d, i) => row(AMS, LicenseType.PROFESSIONAL, d, i)),
            NOW,
          ),
        );
        await old.query('DROP TABLE usage_daily_totals');
        await old.query('DROP TABLE usage_bucket_last');
        await old.destroy();
        const reopened = await openDataSource(config);
        try {
          expect(await readRollups(reopened)).toEqual(expected);
        } finally {
          await reopened.destroy();
        }
      } finally {
        folder.cleanup();
      }
      return;
    }
    // MySQL: the migration that adds the rollups fills them from the rows already there.
    const database = await createMysqlDatabase();
    const options = { ...db.ds.options, url: database.url } as typeof db.ds.options;
    // One connection, so that switching off the foreign key checks holds for the inserts.
    const before = new DataSource({
      ...options,
      poolSize: 1,
      migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(UsageRollups1796100000000)),
    } as typeof options);
    await before.initialize();
    try {
      await before.runMigrations({ transaction: 'each' });
      await before.query('SET FOREIGN_KEY_CHECKS = 0');
      const rows: Array<Record<string, unknown>> = await db.ds.query('SELECT * FROM license_usage');
      for (const r of rows) {
        await before.query(
          `INSERT INTO license_usage (source_id, license_type, day, consumed, source_type,
             customer_id, partner_id, subscription_id, region) VALUES (?,?,?,?,?,?,?,?,?)`,
          [
            r.source_id,
            r.license_type,
            r.day,
            r.consumed,
            r.source_type,
            r.customer_id,
            r.partner_id,
            r.subscription_id,
            r.region,
          ],
        );
      }
    } finally {
      await before.destroy();
    }
    const after = new DataSource(options);
    await after.initialize();
    try {
      await after.runMigrations({ transaction: 'each' });
      expect(await readRollups(after)).toEqual(expected);
    } finally {
      await after.destroy();
      await database.drop();
    }
  });
});
