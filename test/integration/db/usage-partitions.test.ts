import type { Logger } from 'typeorm';
import { FIXTURE_FROM, FIXTURE_LAST_DAY } from '../../support/graph-fixture';
import { testDbKind } from '../../support/database';
import { openFixtureDatabase } from '../../support/fixture-database';
import type { TestDatabase } from '../../support/database';
import { asUser, startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';

// Issue 15 §4: on MySQL/MariaDB license_usage has one partition per month
// (migrations/1796500000000-usage-partitions), and a query for a range of days reads only the
// partitions of the months it covers: EXPLAIN PARTITIONS says which, for a hand-written range
// and for the statements the usage subgraph itself runs for a day-by-day series. SQLite has no
// partitions (and keeps its foreign key).

const onMysql = testDbKind() === 'mysql' ? describe : describe.skip;

/** Every statement with its parameters, to EXPLAIN the ones that read license_usage. */
class StatementLog implements Logger {
  statements: Array<{ sql: string; parameters: unknown[] }> = [];
  logQuery(sql: string, parameters?: unknown[]): void {
    this.statements.push({ sql, parameters: parameters ?? [] });
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

onMysql('license_usage partitioned by month', () => {
  const log = new StatementLog();
  let db: TestDatabase;
  let stack: TestStack;

  beforeAll(async () => {
    db = await openFixtureDatabase(undefined, { logger: log });
    stack = await startTestStack(db);
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.close();
  });

  /** The partitions MySQL/MariaDB would read for a statement. */
  async function partitionsRead(sql: string, parameters: unknown[] = []): Promise<string[]> {
    // MariaDB's per-statement settings (db/statement-settings) are not part of what is explained.
    const statement = sql.replace(/^\s*SET STATEMENT .*? FOR /s, '');
    const plan: Array<{ table: string | null; partitions: string | null }> = await db.ds.query(
      `EXPLAIN PARTITIONS ${statement}`,
      parameters,
    );
    return plan
      .filter((row) => row.table === 'license_usage' || row.table === 'u')
      .flatMap((row) => (row.partitions ?? '').split(','))
      .filter((name) => name !== '');
  }

  it('has a partition per month from 2024 to 2027, one before and one after', async () => {
    const rows: Array<{ name: string; rows: number }> = await db.ds.query(
      `SELECT PARTITION_NAME AS name, TABLE_ROWS AS \`rows\` FROM information_schema.PARTITIONS
       WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'license_usage'
       ORDER BY PARTITION_ORDINAL_POSITION`,
    );
    const names = rows.map((row) => row.name);
    expect(names).toHaveLength(50);
    expect(names.slice(0, 3)).toEqual(['p_before', 'p2024_01', 'p2024_02']);
    expect(names.slice(-2)).toEqual(['p2027_12', 'p_future']);
  });

  it('reads only the months a range of days covers', async () => {
    const sql = `SELECT source_id, SUM(consumed) FROM license_usage
      WHERE customer_id = ? AND day BETWEEN ? AND ? GROUP BY source_id`;
    expect(await partitionsRead(sql, ['c-acme', '2026-11-01', '2026-11-28'])).toEqual(['p2026_11']);
    expect(await partitionsRead(sql, ['c-acme', '2026-09-15', '2026-11-02'])).toEqual([
      'p2026_09',
      'p2026_10',
      'p2026_11',
    ]);
    // Without a range on `day` every partition is read: the pruning above is the range's doing.
    const all = await partitionsRead(
      'SELECT SUM(consumed) FROM license_usage WHERE customer_id = ?',
      ['c-acme'],
    );
    expect(all).toHaveLength(50);
  });

  it("prunes the usage subgraph's own statements for a day-by-day series", async () => {
    const from = log.statements.length;
    const { body } = await stack.request(
      `{ cluster(id: "cl-ams-1") { usage(from: "2026-11-02", to: "2026-11-20", granularity: DAY)
        { period consumed } } }`,
      {},
      await asUser(stack, 'u-pfa-north'),
    );
    expect(body.errors).toBeUndefined();
    const reads = log.statements.slice(from).filter((s) => /\blicense_usage\b/.test(s.sql));
    expect(reads.length).toBeGreaterThan(0);
    for (const statement of reads) {
      expect(await partitionsRead(statement.sql, statement.parameters)).toEqual(['p2026_11']);
    }
  });

  it('still upserts on the key, across months, and keeps days before and after the range', async () => {
    expect(FIXTURE_FROM < FIXTURE_LAST_DAY).toBe(true);
    const insert = `INSERT INTO license_usage (source_id, license_type, day, consumed, source_type,
      customer_id, partner_id, subscription_id, region)
      SELECT id, 'BASIC', ?, ?, source_type, customer_id, partner_id, subscription_id, region
      FROM usage_sources WHERE id = 't-acme-us'
      ON DUPLICATE KEY UPDATE consumed = VALUES(consumed)`;
    for (const day of ['2019-06-30', '2026-11-15', '2031-01-01']) {
      await db.ds.query(insert, [day, 1]);
      await db.ds.query(insert, [day, 2]);
    }
    const stored: Array<{ day: string; consumed: number; partition: string }> = await db.ds.query(
      `SELECT day, consumed FROM license_usage
       WHERE source_id = 't-acme-us' AND license_type = 'BASIC'
         AND day IN ('2019-06-30', '2026-11-15', '2031-01-01') ORDER BY day`,
    );
    expect(stored).toEqual([
      { day: '2019-06-30', consumed: 2 },
      { day: '2026-11-15', consumed: 2 },
      { day: '2031-01-01', consumed: 2 },
    ]);
    expect(await partitionsRead(`SELECT * FROM license_usage WHERE day = '2031-01-01'`)).toEqual([
      'p_future',
    ]);
  });
});
