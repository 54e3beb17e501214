import { isDatabaseEmpty, seed } from '../../../src/ingest/seed/seed';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { countRows, dumpDigests } from './table-dump';

// The small scale, written for real: exact counts, idempotent re-runs, and the same data for the
// same day in two separate databases.

const TODAY = '2026-11-29';

const EXPECTED_TABLES = {
  partners: 1,
  customers: 10,
  subscriptions: 20, // one Dedicated Instance and one multi-tenant subscription per customer
  entitlements: 80, // 4 license types per subscription
  clusters: 10,
  servers: 20,
  tenants: 10,
  users: 2,
  roleAssignments: 2,
  licenseUsage: 2400, // 20 sources x 4 license types x 30 days
};

describe('seed --scale small', () => {
  let db: TestDatabase;
  let other: TestDatabase;
  beforeAll(async () => {
    db = await openTestDatabase();
    other = await openTestDatabase();
  });
  afterAll(async () => {
    await db.close();
    await other.close();
  });

  it('writes exactly the promised rows into an empty database', async () => {
    expect(await isDatabaseEmpty(db.ds)).toBe(true);
    const lines: string[] = [];
    const summary = await seed(db.ds, 'small', { today: TODAY, log: (line) => lines.push(line) });

    expect(summary.tables).toEqual(EXPECTED_TABLES);
    expect(summary.usage).toEqual({ inserted: 2400, updated: 0, unchanged: 0 });
    expect(summary.usageRows).toBe(2400);
    expect(summary.rowsPerSecond).toBeGreaterThan(0);
    expect(lines.at(-1)).toContain('2400 usage rows');

    const { ds } = db;
    expect(await countRows(ds, 'partners')).toBe(1);
    expect(await countRows(ds, 'customers')).toBe(10);
    expect(await countRows(ds, 'subscriptions')).toBe(20);
    expect(await countRows(ds, 'entitlements')).toBe(80);
    expect(await countRows(ds, 'usage_sources', "source_type = 'CLUSTER'")).toBe(10);
    expect(await countRows(ds, 'usage_sources', "source_type = 'TENANT'")).toBe(10);
    expect(await countRows(ds, 'servers')).toBe(20);
    expect(await countRows(ds, 'users')).toBe(2);
    expect(await countRows(ds, 'role_assignments')).toBe(2);
    expect(await countRows(ds, 'license_usage')).toBe(2400);
    expect(await countRows(ds, 'license_usage', "day < '2026-10-31'")).toBe(0);
    expect(await countRows(ds, 'license_usage', `day = '${TODAY}'`)).toBe(80);
    expect(await countRows(ds, 'usage_sources', 'last_reported_at IS NULL')).toBe(0);
    expect(await isDatabaseEmpty(ds)).toBe(false);
  });

  it('changes nothing when seeded again', async () => {
    const before = await dumpDigests(db.ds);
    const summary = await seed(db.ds, 'small', { today: TODAY });
    expect(summary.usage).toEqual({ inserted: 0, updated: 0, unchanged: 2400 });
    expect(await dumpDigests(db.ds)).toEqual(before);
  });

  it('writes identical data into another database for the same day, and other data for another', async () => {
    await seed(other.ds, 'small', { today: TODAY });
    const digests = await dumpDigests(db.ds);
    expect(await dumpDigests(other.ds)).toEqual(digests);

    const later = await openTestDatabase();
    try {
      await seed(later.ds, 'small', { today: '2026-11-30' });
      const laterDigests = await dumpDigests(later.ds);
      expect(laterDigests.license_usage).not.toEqual(digests.license_usage);
      expect(laterDigests.customers).toEqual(digests.customers);
    } finally {
      await later.close();
    }
  });

  it('refuses a malformed day before writing anything', async () => {
    const fresh = await openTestDatabase();
    try {
      await expect(seed(fresh.ds, 'small', { today: '2026-02-30' })).rejects.toThrow(
        'seed: today must be a calendar day written YYYY-MM-DD, got "2026-02-30"',
      );
      expect(await isDatabaseEmpty(fresh.ds)).toBe(true);
    } finally {
      await fresh.close();
    }
  });
});
