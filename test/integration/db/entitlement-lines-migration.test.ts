import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../../src/db/data-source';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';

// Entitlements stored before lines had an identity (one per subscription, license type and start
// day) are carried over as lines without a number, and a second line of one type from the same
// day can then be stored. MySQL: by the migration EntitlementLines1796300000000, undone and run
// again over old rows. SQLite: by opening a database file made in the old shape, which builds the
// schema from the entities.

const OLD_ROWS = [
  ['Sub-1', 'c1', 'PROFESSIONAL', 500, '2026-01-01', null],
  ['Sub-1', 'c1', 'COMMON_AREA', 80, '2026-01-01', '2027-12-31'],
];
const COLUMNS = 'subscription_id, customer_id, license_type, quantity, start_date, end_date';

async function insertOwners(run: (sql: string) => unknown): Promise<void> {
  await run(`INSERT INTO partners (id, name) VALUES ('p1', 'P')`);
  await run(`INSERT INTO customers (id, partner_id, name) VALUES ('c1', 'p1', 'C')`);
  await run(
    `INSERT INTO subscriptions (id, customer_id, partner_id, kind, status, start_date, end_date)
     VALUES ('Sub-1', 'c1', 'p1', 'MULTI_TENANT', 'ACTIVE', '2026-01-01', NULL)`,
  );
}

async function insertOld(run: (sql: string, params: unknown[]) => unknown): Promise<void> {
  for (const row of OLD_ROWS) {
    await run(`INSERT INTO entitlements (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)`, row);
  }
}

async function storedLines(ds: DataSource): Promise<unknown[][]> {
  const rows: Array<Record<string, unknown>> = await ds.query(
    `SELECT ${COLUMNS}, line_id FROM entitlements ORDER BY id`,
  );
  return rows.map((r) => [
    r.subscription_id,
    r.customer_id,
    r.license_type,
    Number(r.quantity),
    r.start_date,
    r.end_date,
    r.line_id,
  ]);
}

/** A second PROFESSIONAL line from the same day, ending earlier: refused by the old key. */
const SEASONAL = `INSERT INTO entitlements (${COLUMNS}) VALUES ('Sub-1', 'c1', 'PROFESSIONAL', 40, '2026-01-01', '2026-03-31')`;

async function expectCarriedOver(ds: DataSource): Promise<void> {
  expect(await storedLines(ds)).toEqual(OLD_ROWS.map((row) => [...row, null]));
  await ds.query(SEASONAL);
  expect(await storedLines(ds)).toHaveLength(3);
  // Line numbers are unique within a subscription.
  await ds.query(`UPDATE entitlements SET line_id = '10' WHERE quantity = 500`);
  await expect(
    ds.query(`UPDATE entitlements SET line_id = '10' WHERE quantity = 40`),
  ).rejects.toThrow();
}

describe('entitlements carried over to lines of their own', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('MySQL: the migration keeps every stored entitlement, as a line without a number', async () => {
    if (db.kind !== 'mysql') return;
    const index = db.ds.migrations.findIndex((m) => m.name === 'EntitlementLines1796300000000');
    expect(index).toBeGreaterThan(0);
    // The migrations after it (usage partitions ...) are undone first, and run again after.
    const undoLater = async () => {
      for (let i = index + 1; i < db.ds.migrations.length; i++) await db.ds.undoLastMigration();
    };
    await undoLater();
    await db.ds.undoLastMigration();
    await insertOwners((sql) => db.ds.query(sql));
    await insertOld((sql, params) => db.ds.query(sql, params));
    await expect(db.ds.query(SEASONAL)).rejects.toThrow(/Duplicate/);

    await db.ds.runMigrations();
    await expectCarriedOver(db.ds);

    // Undoing it would have to drop one of two same-day lines: it refuses and changes nothing.
    await undoLater();
    await expect(db.ds.undoLastMigration()).rejects.toThrow(/several entitlements/);
    await db.ds.runMigrations();
    expect(await db.ds.showMigrations()).toBe(false);
    expect(await storedLines(db.ds)).toHaveLength(3);
  });

  it('SQLite: a database file of the old shape keeps its entitlements when opened', async () => {
    if (db.kind !== 'sqlite') return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-entitlement-lines-'));
    const file = path.join(dir, 'old.sqlite');
    try {
      // The current schema, then the entitlements table put back as it was.
      await (await openDataSource({ kind: 'sqlite', file })).destroy();
      const old = new Database(file);
      old.exec(`DROP INDEX uq_entitlements_line; DROP INDEX idx_entitlements_subscription_type;
        ALTER TABLE entitlements DROP COLUMN line_id;
        CREATE UNIQUE INDEX uq_entitlements_natural ON entitlements (subscription_id, license_type, start_date);`);
      await insertOwners((sql) => old.exec(sql));
      await insertOld((sql, params) => old.prepare(sql).run(...params));
      expect(() => old.exec(SEASONAL)).toThrow(/UNIQUE/);
      old.close();

      const ds = await openDataSource({ kind: 'sqlite', file });
      try {
        await expectCarriedOver(ds);
      } finally {
        await ds.destroy();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
