import path from 'node:path';
import {
  Customer,
  Entitlement,
  LicenseUsage,
  Partner,
  RoleAssignment,
  Server,
  Subscription,
  UsageSource,
  User,
} from '../../../src/db/entities';
import { importFiles } from '../../../src/ingest/import-files';
import type { ImportSummary } from '../../../src/ingest/import-files';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURES, dumpTables } from './database-state';

// The examples of docs/contract/import-format.md (test/fixtures/import: the JSON document completed
// with the subscription and user it refers to, plus NDJSON and CSV usage) go in and come back out
// field by field; importing them all again changes nothing.

const NOW = new Date('2026-11-29T12:00:00.000Z');
const EXAMPLES = ['example.json', 'example.ndjson', 'example.csv'].map((f) =>
  path.join(FIXTURES, f),
);

describe('import of the contract examples', () => {
  let db: TestDatabase;
  let first: ImportSummary;
  const lines: string[] = [];

  beforeAll(async () => {
    db = await openTestDatabase();
    first = await importFiles(db.ds, EXAMPLES, (line) => lines.push(line), { now: NOW });
  });
  afterAll(() => db.close());

  it('accepts every example and says what it did, per file', () => {
    expect(first.ok).toBe(true);
    expect(first.files.map((f) => [f.format, f.ok, f.read, f.rejected])).toEqual([
      ['json', true, 15, 0],
      ['ndjson', true, 4, 0],
      ['csv', true, 3, 0],
    ]);
    expect(lines).toEqual([
      `${EXAMPLES[0]}: 15 records read; partners 1 inserted; customers 1 inserted; ` +
        'subscriptions 2 inserted; entitlements 3 inserted; clusters 1 inserted; servers 1 inserted; ' +
        'tenants 1 inserted; users 2 inserted; roleAssignments 2 inserted; usage 1 inserted',
      `${EXAMPLES[1]}: 4 records read; 4 inserted, 0 updated, 0 unchanged, 0 rejected`,
      `${EXAMPLES[2]}: 3 records read; 3 inserted, 0 updated, 0 unchanged, 0 rejected`,
    ]);
  });

  it('stores the organisation records field by field', async () => {
    const { ds } = db;
    expect(await ds.getRepository(Partner).find()).toEqual([
      { id: 'p-emea', name: 'Northwind Telecom' },
    ]);
    expect(await ds.getRepository(Customer).find()).toEqual([
      { id: 'c-acme', partnerId: 'p-emea', name: 'Acme Corp' },
    ]);
    expect(await ds.getRepository(Subscription).find({ order: { id: 'ASC' } })).toEqual([
      {
        id: 'Sub-104233',
        customerId: 'c-acme',
        partnerId: 'p-emea',
        kind: 'DEDICATED_INSTANCE',
        status: 'ACTIVE',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
      },
      {
        id: 'Sub-200001',
        customerId: 'c-acme',
        partnerId: 'p-emea',
        kind: 'MULTI_TENANT',
        status: 'TRIAL',
        startDate: '2026-06-01',
        endDate: null,
      },
    ]);
    const entitlements = await ds.getRepository(Entitlement).find();
    expect(
      entitlements
        .map(({ id: _id, ...rest }) => rest)
        .sort((a, b) =>
          `${a.subscriptionId}${a.licenseType}`.localeCompare(
            `${b.subscriptionId}${b.licenseType}`,
          ),
        ),
    ).toEqual([
      {
        subscriptionId: 'Sub-104233',
        customerId: 'c-acme',
        lineId: null,
        licenseType: 'COMMON_AREA',
        quantity: 80,
        startDate: '2026-01-01',
        endDate: '2027-12-31',
      },
      {
        subscriptionId: 'Sub-104233',
        customerId: 'c-acme',
        lineId: null,
        licenseType: 'PROFESSIONAL',
        quantity: 500,
        startDate: '2026-01-01',
        endDate: null,
      },
      {
        subscriptionId: 'Sub-200001',
        customerId: 'c-acme',
        lineId: null,
        licenseType: 'BASIC',
        quantity: 250,
        startDate: '2026-06-01',
        endDate: null,
      },
    ]);
    const sources = await ds.getRepository(UsageSource).find({ order: { id: 'ASC' } });
    expect(sources.map((s) => ({ kind: s.constructor.name, ...s }))).toEqual([
      {
        kind: 'Cluster',
        id: 'cl-ams-1',
        subscriptionId: 'Sub-104233',
        customerId: 'c-acme',
        partnerId: 'p-emea',
        name: 'AMS-1',
        region: 'EMEA',
        lastReportedAt: NOW,
      },
      {
        kind: 'Tenant',
        id: 't-acme-us',
        subscriptionId: 'Sub-200001',
        customerId: 'c-acme',
        partnerId: 'p-emea',
        name: 'Acme US',
        region: 'AMER',
        lastReportedAt: NOW,
      },
    ]);
    const servers = await ds.getRepository(Server).find();
    expect(servers.map(({ id: _id, ...rest }) => rest)).toEqual([
      {
        clusterId: 'cl-ams-1',
        customerId: 'c-acme',
        hostname: 'cucm-pub.ams1.example.net',
        role: 'PUBLISHER',
      },
    ]);
    expect(await ds.getRepository(User).find({ order: { id: 'ASC' } })).toEqual([
      { id: 'u-ann', email: 'ann@northwind.example', displayName: 'Ann' },
      { id: 'u-bob', email: 'bob@acme.example', displayName: 'Bob' },
    ]);
    const assignments = await ds.getRepository(RoleAssignment).find({ order: { userId: 'ASC' } });
    expect(assignments).toEqual([
      {
        id: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
        userId: 'u-ann',
        role: 'PARTNER_FULL_ADMIN',
        partnerId: 'p-emea',
        customerId: null,
        scopeKey: 'partner:p-emea',
        createdAt: NOW,
      },
      {
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        userId: 'u-bob',
        role: 'FULL_ADMIN',
        partnerId: null,
        customerId: 'c-acme',
        scopeKey: 'customer:c-acme',
        createdAt: NOW,
      },
    ]);
  });

  it('stores the usage of all three formats with the columns of its source', async () => {
    const usage = await db.ds.getRepository(LicenseUsage).find({
      order: { sourceId: 'ASC', licenseType: 'ASC', day: 'ASC' },
    });
    const cluster = { sourceType: 'CLUSTER', subscriptionId: 'Sub-104233', region: 'EMEA' };
    const tenant = { sourceType: 'TENANT', subscriptionId: 'Sub-200001', region: 'AMER' };
    const owners = { customerId: 'c-acme', partnerId: 'p-emea' };
    const row = (sourceId: string, licenseType: string, day: string, consumed: number) => ({
      sourceId,
      licenseType,
      day,
      consumed,
      ...(sourceId.startsWith('cl-') ? cluster : tenant),
      ...owners,
    });
    expect(
      usage.sort((a, b) =>
        `${a.sourceId} ${a.licenseType} ${a.day}`.localeCompare(
          `${b.sourceId} ${b.licenseType} ${b.day}`,
        ),
      ),
    ).toEqual([
      row('cl-ams-1', 'COMMON_AREA', '2026-11-27', 61),
      row('cl-ams-1', 'COMMON_AREA', '2026-11-29', 63),
      row('cl-ams-1', 'PROFESSIONAL', '2026-11-27', 405),
      row('cl-ams-1', 'PROFESSIONAL', '2026-11-28', 412),
      row('cl-ams-1', 'PROFESSIONAL', '2026-11-29', 415),
      row('t-acme-us', 'BASIC', '2026-11-27', 198),
      row('t-acme-us', 'BASIC', '2026-11-28', 203),
      row('t-acme-us', 'BASIC', '2026-11-29', 207),
    ]);
  });

  it('changes nothing when the same files are imported again', async () => {
    const before = await dumpTables(db.ds);
    const later = new Date(NOW.getTime() + 3_600_000);
    const again = await importFiles(db.ds, EXAMPLES, () => undefined, { now: later });
    expect(again.ok).toBe(true);
    expect(await dumpTables(db.ds)).toEqual(before);
    const json = again.files[0].counts;
    for (const kind of Object.keys(json) as Array<keyof typeof json>) {
      expect([kind, json[kind]?.inserted, json[kind]?.updated, json[kind]?.removed]).toEqual([
        kind,
        0,
        0,
        0,
      ]);
      expect([kind, json[kind]?.unchanged]).toEqual([kind, json[kind]?.read]);
    }
    expect(again.files.slice(1).map((f) => f.counts.usage)).toEqual([
      { read: 4, inserted: 0, updated: 0, unchanged: 4, removed: 0 },
      { read: 3, inserted: 0, updated: 0, unchanged: 3, removed: 0 },
    ]);
  });
});
