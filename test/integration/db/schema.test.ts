import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';

describe('database schema', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  it('matches the entities with nothing pending (MySQL: after the migrations)', async () => {
    const pending = await db.ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has run every migration (MySQL)', async () => {
    if (db.kind !== 'mysql') return; // SQLite is built from the entities
    expect(await db.ds.showMigrations()).toBe(false);
    const applied = await db.ds.query('SELECT name FROM migrations');
    expect(applied.map((row: { name: string }) => row.name)).toEqual(
      db.ds.migrations.map((m) => m.name),
    );
  });

  it('undoes every migration back to an empty database (MySQL)', async () => {
    if (db.kind !== 'mysql') return;
    for (let i = 0; i < db.ds.migrations.length; i++) await db.ds.undoLastMigration();
    const tables = await db.ds.query('SHOW TABLES');
    expect(tables.map((row: Record<string, string>) => Object.values(row)[0])).toEqual([
      'migrations',
    ]);
    await db.ds.runMigrations();
  });

  it('keeps calendar days as YYYY-MM-DD strings in raw rows', async () => {
    await db.ds.query(`INSERT INTO partners (id, name) VALUES ('p1', 'P')`);
    await db.ds.query(`INSERT INTO customers (id, partner_id, name) VALUES ('c1', 'p1', 'C')`);
    await db.ds.query(
      `INSERT INTO subscriptions (id, customer_id, partner_id, kind, status, start_date, end_date)
       VALUES ('s1', 'c1', 'p1', 'MULTI_TENANT', 'ACTIVE', '2026-01-31', NULL)`,
    );
    const [row] = await db.ds.query(`SELECT start_date, end_date FROM subscriptions`);
    expect(row).toEqual({ start_date: '2026-01-31', end_date: null });
  });

  it('refuses a usage row for an unknown source (SQLite: foreign key)', async () => {
    // MySQL's license_usage is partitioned by month and can have no foreign key
    // (migrations/1796500000000-usage-partitions): there the writers refuse unknown sources.
    if (db.kind === 'mysql') {
      const keys = await db.ds.query(
        `SELECT CONSTRAINT_NAME FROM information_schema.REFERENTIAL_CONSTRAINTS
         WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'license_usage'`,
      );
      expect(keys).toEqual([]);
      return;
    }
    await expect(
      db.ds.query(
        `INSERT INTO license_usage (source_id, license_type, day, consumed, source_type, customer_id, partner_id, subscription_id, region)
         VALUES ('nope', 'BASIC', '2026-01-01', 1, 'TENANT', 'c1', 'p1', 's1', 'EMEA')`,
      ),
    ).rejects.toThrow();
  });
});
