import path from 'node:path';
import { importDocument } from '../../../src/ingest/document/import-document';
import { importFiles } from '../../../src/ingest/import-files';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURES, clearTables, dumpTables, scratchFolder } from './database-state';

// Importing a changed document over stored data: records are upserted by id, entitlements and
// servers replaced by their parent's list (rows that stay keep their ids), and the columns copied
// from a parent follow it when it moves, down to the usage rows.

const NOW = new Date('2026-11-29T12:00:00.000Z');
const EXAMPLES = ['example.json', 'example.ndjson'].map((f) => path.join(FIXTURES, f));

const acmeDi = {
  id: 'Sub-104233',
  customerId: 'c-acme',
  kind: 'DEDICATED_INSTANCE',
  status: 'ACTIVE',
  startDate: '2026-01-01',
  endDate: '2027-12-31',
};
const amsCluster = { id: 'cl-ams-1', subscriptionId: 'Sub-104233', name: 'AMS-1', region: 'EMEA' };

describe('a document imported over stored data', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());
  beforeEach(async () => {
    await clearTables(db.ds);
    const base = await importFiles(db.ds, EXAMPLES, () => undefined, { now: NOW });
    expect(base.ok).toBe(true);
  });

  const rows = (sql: string) => db.ds.query(sql) as Promise<Array<Record<string, unknown>>>;
  const imported = async (doc: unknown) => {
    const result = await importDocument(db.ds, doc, 'update.json', { now: NOW });
    expect(result.problems).toEqual([]);
    return result.counts;
  };

  it('replaces entitlements and servers by the new lists, keeping the ids of those that stay', async () => {
    const [professional] = await rows(
      `SELECT id FROM entitlements WHERE license_type = 'PROFESSIONAL'`,
    );
    const [publisher] = await rows('SELECT id FROM servers');
    const counts = await imported({
      subscriptions: [
        {
          ...acmeDi,
          entitlements: [
            { licenseType: 'PROFESSIONAL', quantity: 600, startDate: '2026-01-01' },
            { licenseType: 'STANDARD', quantity: 50, startDate: '2026-07-01' },
          ],
        },
      ],
      clusters: [
        {
          ...amsCluster,
          servers: [
            { hostname: 'CUCM-PUB.ams1.example.net', role: 'PUBLISHER' },
            { hostname: 'cucm-sub1.ams1.example.net', role: 'SUBSCRIBER' },
          ],
        },
      ],
    });
    expect(counts.subscriptions).toMatchObject({ read: 1, unchanged: 1 });
    expect(counts.entitlements).toEqual({
      read: 2,
      inserted: 1,
      updated: 1,
      unchanged: 0,
      removed: 1,
    });
    expect(counts.servers).toEqual({ read: 2, inserted: 1, updated: 0, unchanged: 1, removed: 0 });
    const entitlements = await rows(
      `SELECT id, license_type, quantity, start_date FROM entitlements WHERE subscription_id = 'Sub-104233'`,
    );
    expect(
      entitlements.sort((a, b) => String(a.license_type).localeCompare(String(b.license_type))),
    ).toEqual([
      {
        id: professional.id,
        license_type: 'PROFESSIONAL',
        quantity: 600,
        start_date: '2026-01-01',
      },
      { id: expect.anything(), license_type: 'STANDARD', quantity: 50, start_date: '2026-07-01' },
    ]);
    expect(await rows('SELECT id, hostname, role FROM servers ORDER BY hostname')).toEqual([
      { id: publisher.id, hostname: 'cucm-pub.ams1.example.net', role: 'PUBLISHER' },
      { id: expect.anything(), hostname: 'cucm-sub1.ams1.example.net', role: 'SUBSCRIBER' },
    ]);
  });

  it('leaves entitlements and servers alone when a parent comes without its list', async () => {
    const before = await dumpTables(db.ds);
    const counts = await imported({
      subscriptions: [{ ...acmeDi, status: 'SUSPENDED' }],
      clusters: [amsCluster],
    });
    expect(counts.subscriptions).toMatchObject({ updated: 1 });
    expect(counts.clusters).toMatchObject({ unchanged: 1 });
    const after = await dumpTables(db.ds);
    expect(after.entitlements).toEqual(before.entitlements);
    expect(after.servers).toEqual(before.servers);
  });

  it('moves the copies of a customer that changes partner, down to its usage rows', async () => {
    await imported({
      partners: [{ id: 'p-apac', name: 'Pacific Telecom' }],
      customers: [{ id: 'c-acme', partnerId: 'p-apac', name: 'Acme Corp' }],
    });
    const partnersOf = async (table: string) => [
      ...new Set((await rows(`SELECT partner_id FROM ${table}`)).map((r) => r.partner_id)),
    ];
    expect(await partnersOf('subscriptions')).toEqual(['p-apac']);
    expect(await partnersOf('usage_sources')).toEqual(['p-apac']);
    expect(await partnersOf('license_usage')).toEqual(['p-apac']);
  });

  it('moves the copies of a cluster that changes subscription, customer and region', async () => {
    const counts = await imported({
      customers: [{ id: 'c-beta', partnerId: 'p-emea', name: 'Beta GmbH' }],
      subscriptions: [
        {
          ...acmeDi,
          id: 'Sub-300',
          customerId: 'c-beta',
          entitlements: [{ licenseType: 'PROFESSIONAL', quantity: 10, startDate: '2026-01-01' }],
        },
      ],
      clusters: [{ ...amsCluster, subscriptionId: 'Sub-300', region: 'APJC' }],
    });
    expect(counts.clusters).toMatchObject({ updated: 1 });
    expect(await rows(`SELECT customer_id FROM servers`)).toEqual([{ customer_id: 'c-beta' }]);
    const usage = await rows(
      `SELECT DISTINCT subscription_id, customer_id, partner_id, region FROM license_usage WHERE source_id = 'cl-ams-1'`,
    );
    expect(usage).toEqual([
      { subscription_id: 'Sub-300', customer_id: 'c-beta', partner_id: 'p-emea', region: 'APJC' },
    ]);
  });

  it('moves what hangs under a subscription that changes customer', async () => {
    await imported({
      partners: [{ id: 'p-apac', name: 'Pacific Telecom' }],
      customers: [{ id: 'c-gamma', partnerId: 'p-apac', name: 'Gamma KK' }],
      subscriptions: [{ ...acmeDi, customerId: 'c-gamma' }],
    });
    const owners = async (table: string, where: string) =>
      rows(
        `SELECT DISTINCT customer_id${table === 'entitlements' || table === 'servers' ? '' : ', partner_id'} FROM ${table} WHERE ${where}`,
      );
    expect(await owners('subscriptions', `id = 'Sub-104233'`)).toEqual([
      { customer_id: 'c-gamma', partner_id: 'p-apac' },
    ]);
    expect(await owners('entitlements', `subscription_id = 'Sub-104233'`)).toEqual([
      { customer_id: 'c-gamma' },
    ]);
    expect(await owners('usage_sources', `id = 'cl-ams-1'`)).toEqual([
      { customer_id: 'c-gamma', partner_id: 'p-apac' },
    ]);
    expect(await owners('servers', `cluster_id = 'cl-ams-1'`)).toEqual([
      { customer_id: 'c-gamma' },
    ]);
    expect(await owners('license_usage', `source_id = 'cl-ams-1'`)).toEqual([
      { customer_id: 'c-gamma', partner_id: 'p-apac' },
    ]);
    expect(await owners('license_usage', `source_id = 't-acme-us'`)).toEqual([
      { customer_id: 'c-acme', partner_id: 'p-emea' },
    ]);
  });

  it('keeps a role assignment (and its id) that is given again, and adds new ones', async () => {
    const before = await rows(
      'SELECT id, user_id, role, scope_key FROM role_assignments ORDER BY user_id',
    );
    const counts = await imported({
      roleAssignments: [
        { userId: 'u-ann', role: 'PARTNER_FULL_ADMIN', partnerId: 'p-emea' },
        { userId: 'u-ann', role: 'USAGE_COLLECTOR', customerId: 'c-acme' },
      ],
    });
    expect(counts.roleAssignments).toEqual({
      read: 2,
      inserted: 1,
      updated: 0,
      unchanged: 1,
      removed: 0,
    });
    const after = await rows('SELECT id, user_id, role, scope_key FROM role_assignments');
    expect(after).toEqual(expect.arrayContaining(before));
    expect(after).toContainEqual({
      id: expect.any(String),
      user_id: 'u-ann',
      role: 'USAGE_COLLECTOR',
      scope_key: 'customer:c-acme',
    });
  });

  it('finds what earlier files of the same run stored, and not what a refused one held', async () => {
    const scratch = scratchFolder();
    try {
      const partner = scratch.write(
        '1-partner.json',
        JSON.stringify({ partners: [{ id: 'p-new', name: 'New' }] }),
      );
      const refused = scratch.write(
        '2-refused.json',
        JSON.stringify({
          partners: [{ id: 'p-lost', name: 'Lost' }],
          customers: [{ id: 'c-bad', partnerId: 'p-nope', name: 'X' }],
        }),
      );
      const customers = scratch.write(
        '3-customers.json',
        JSON.stringify({
          customers: [
            { id: 'c-new', partnerId: 'p-new', name: 'New' },
            { id: 'c-lost', partnerId: 'p-lost', name: 'Lost' },
          ],
        }),
      );
      const lines: string[] = [];
      const summary = await importFiles(
        db.ds,
        [partner, refused, customers],
        (l) => lines.push(l),
        { now: NOW },
      );
      expect(summary.files.map((f) => f.ok)).toEqual([true, false, false]);
      expect(lines).toContain(`${customers}: customers[1].partnerId: unknown partner "p-lost"`);
      expect(lines.filter((l) => l.includes('unknown partner'))).toHaveLength(2);
    } finally {
      scratch.cleanup();
    }
  });

  it('changes nothing when a changed document is imported a second time', async () => {
    const doc = {
      partners: [{ id: 'p-apac', name: 'Pacific Telecom' }],
      customers: [{ id: 'c-acme', partnerId: 'p-apac', name: 'Acme Corporation' }],
      subscriptions: [
        {
          ...acmeDi,
          entitlements: [{ licenseType: 'PROFESSIONAL', quantity: 1, startDate: '2026-01-01' }],
        },
      ],
      clusters: [{ ...amsCluster, region: 'AMER', servers: [] }],
    };
    await imported(doc);
    const once = await dumpTables(db.ds);
    const counts = await imported(doc);
    expect(await dumpTables(db.ds)).toEqual(once);
    for (const kind of [
      'partners',
      'customers',
      'subscriptions',
      'entitlements',
      'clusters',
    ] as const) {
      expect([kind, counts[kind].unchanged]).toEqual([kind, counts[kind].read]);
    }
  });
});
