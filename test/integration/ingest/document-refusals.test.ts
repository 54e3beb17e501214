import fs from 'node:fs';
import path from 'node:path';
import { importDocument } from '../../../src/ingest/document/import-document';
import { importFiles } from '../../../src/ingest/import-files';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURES, dumpTables, scratchFolder } from './database-state';

// A JSON document with anything wrong is refused whole: every problem is reported with its place
// in the document, and the database is left exactly as it was.

const NOW = new Date('2026-11-29T12:00:00.000Z');

describe('a refused JSON document', () => {
  let db: TestDatabase;
  let stored: Record<string, unknown[]>;
  const scratch = scratchFolder();

  beforeAll(async () => {
    db = await openTestDatabase();
    const base = await importFiles(db.ds, [path.join(FIXTURES, 'example.json')], () => undefined, {
      now: NOW,
    });
    expect(base.ok).toBe(true);
    stored = await dumpTables(db.ds);
  });
  afterAll(async () => {
    scratch.cleanup();
    await db.close();
  });
  afterEach(async () => {
    expect(await dumpTables(db.ds)).toEqual(stored);
  });

  it('lists every problem with its file and path, and exits non-zero', async () => {
    const file = scratch.write(
      'bad.json',
      JSON.stringify({
        partners: [
          { id: 'p-one', name: 'One' },
          { id: 'P-ONE', name: 'One again' },
        ],
        customers: [{ id: 'c-one', partnerId: 'p-nope', name: 'Customer One' }],
        subscriptions: [
          {
            id: 'Sub-1',
            customerId: 'c-acme',
            kind: 'DEDICATED_INSTANCE',
            status: 'RUNNING',
            startDate: '2026-02-30',
            endDate: '2026-1-5',
            entitlements: [{ licenseType: 'GOLD', quantity: -5, startDate: '2026-01-01' }],
          },
        ],
        usage: [
          { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-11-20', consumed: -1 },
        ],
      }),
    );
    const lines: string[] = [];
    const summary = await importFiles(db.ds, [file], (line) => lines.push(line), { now: NOW });
    expect(summary.ok).toBe(false);
    expect(lines).toEqual([
      `${file}: subscriptions[0].status: "RUNNING" is not a SubscriptionStatus`,
      `${file}: subscriptions[0].startDate: "2026-02-30" is not a day of the calendar`,
      `${file}: subscriptions[0].endDate: "2026-1-5" is not a date written YYYY-MM-DD`,
      `${file}: subscriptions[0].entitlements[0].licenseType: "GOLD" is not a LicenseType`,
      `${file}: subscriptions[0].entitlements[0].quantity: must not be negative, got -5`,
      `${file}: usage[0].consumed: must not be negative, got -1`,
      `${file}: partners[1].id: duplicate partner id "P-ONE": already given at partners[0].id`,
      `${file}: customers[0].partnerId: unknown partner "p-nope"`,
      `${file}: refused, nothing written (8 problems)`,
    ]);
  });

  it('gives the line and column where a truncated document ends', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'example.json'), 'utf8');
    const cut = text.slice(0, text.indexOf('"Sub-200001"') + 5);
    const file = scratch.write('truncated.json', cut);
    const lines: string[] = [];
    const summary = await importFiles(db.ds, [file], (line) => lines.push(line), { now: NOW });
    expect(summary.ok).toBe(false);
    const cutLines = cut.split('\n');
    expect(lines[0]).toBe(
      `${file}:${cutLines.length}:${cutLines[cutLines.length - 1].length + 1}: ` +
        'not valid JSON: the text ends before the JSON does (truncated?)',
    );
  });

  it('gives the line and column of a character that breaks the JSON', async () => {
    const file = scratch.write(
      'broken.json',
      '{\n  "partners": [\n    { "id": "p-x", name: "X" }\n  ]\n}\n',
    );
    const lines: string[] = [];
    await importFiles(db.ds, [file], (line) => lines.push(line), { now: NOW });
    expect(lines[0]).toBe(`${file}:3:20: not valid JSON: unexpected "n"`);
  });

  const day = (d: string) => ({ startDate: d });
  const cases: Array<[string, unknown, string[]]> = [
    [
      'a document that is not an object',
      [],
      [
        '(document): must be a JSON object with any of the keys partners, customers, subscriptions, clusters, tenants, users, roleAssignments, usage',
      ],
    ],
    [
      'an unknown top-level key',
      { sites: [] },
      [
        'sites: unknown key (expected any of partners, customers, subscriptions, clusters, tenants, users, roleAssignments, usage)',
      ],
    ],
    [
      'a top-level key that is not a list',
      { partners: { id: 'p-x' } },
      ['partners: must be a list'],
    ],
    [
      'a missing and an extra field',
      { customers: [{ id: 'c-x', name: 'X', colour: 'red' }] },
      [
        'customers[0].colour: unknown field (expected id, partnerId, name)',
        'customers[0].partnerId: is required',
      ],
    ],
    [
      'an id outside the safe pattern',
      { partners: [{ id: 'p x/..', name: 'X' }] },
      [
        'partners[0].id: "p x/.." is not a valid id (1 to 64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit)',
      ],
    ],
    [
      'an end before the start',
      {
        subscriptions: [
          {
            id: 'Sub-x',
            customerId: 'c-acme',
            kind: 'MULTI_TENANT',
            status: 'ACTIVE',
            startDate: '2026-01-01',
            endDate: '2025-12-31',
          },
        ],
      },
      ['subscriptions[0].endDate: 2025-12-31 is before startDate 2026-01-01'],
    ],
    [
      'an entitlement line number or a server given twice',
      {
        subscriptions: [
          {
            id: 'Sub-104233',
            customerId: 'c-acme',
            kind: 'DEDICATED_INSTANCE',
            status: 'ACTIVE',
            ...day('2026-01-01'),
            entitlements: [
              // Two lines of one type from one day are two lines; one number twice is refused.
              { licenseType: 'BASIC', quantity: 1, ...day('2026-01-01') },
              { licenseType: 'BASIC', quantity: 2, ...day('2026-01-01') },
              { id: 'L-10', licenseType: 'BASIC', quantity: 3, ...day('2026-01-01') },
              { id: 'l-10', licenseType: 'STANDARD', quantity: 4, ...day('2026-02-01') },
              { id: 10, licenseType: 'STANDARD', quantity: 4, ...day('2026-02-01') },
              { id: '10', licenseType: 'STANDARD', quantity: 5, ...day('2026-02-01') },
            ],
          },
        ],
        clusters: [
          {
            id: 'cl-ams-1',
            subscriptionId: 'Sub-104233',
            name: 'AMS-1',
            region: 'EMEA',
            servers: [
              { hostname: 'a.example.net', role: 'PUBLISHER' },
              { hostname: 'A.example.net', role: 'SUBSCRIBER' },
            ],
          },
        ],
      },
      [
        'subscriptions[0].entitlements[3].id: duplicate entitlement id "l-10": already given at subscriptions[0].entitlements[2].id',
        'subscriptions[0].entitlements[5].id: duplicate entitlement id "10": already given at subscriptions[0].entitlements[4].id',
        'clusters[0].servers[1]: duplicate server "a.example.net": already given at clusters[0].servers[0]',
      ],
    ],
    [
      'a tenant under a Dedicated Instance subscription and a cluster under a multi-tenant one',
      {
        clusters: [{ id: 'cl-new', subscriptionId: 'Sub-200001', name: 'N', region: 'EMEA' }],
        tenants: [{ id: 't-new', subscriptionId: 'Sub-104233', name: 'T', region: 'EMEA' }],
      },
      [
        'clusters[0].subscriptionId: subscription "Sub-200001" is MULTI_TENANT; a cluster belongs to a DEDICATED_INSTANCE subscription',
        'tenants[0].subscriptionId: subscription "Sub-104233" is DEDICATED_INSTANCE; a tenant belongs to a MULTI_TENANT subscription',
      ],
    ],
    [
      'a stored tenant id given to a cluster',
      { clusters: [{ id: 't-acme-us', subscriptionId: 'Sub-104233', name: 'X', region: 'EMEA' }] },
      ['clusters[0].id: "t-acme-us" is a stored tenant; a cluster cannot take its id'],
    ],
    [
      'a subscription turned multi-tenant while it has clusters',
      {
        subscriptions: [
          {
            id: 'Sub-104233',
            customerId: 'c-acme',
            kind: 'MULTI_TENANT',
            status: 'ACTIVE',
            ...day('2026-01-01'),
          },
        ],
      },
      ['subscriptions[0].kind: cannot become MULTI_TENANT while it has clusters: cl-ams-1'],
    ],
    [
      'role assignments with the wrong scope field',
      {
        roleAssignments: [
          { userId: 'u-ann', role: 'FULL_ADMIN', partnerId: 'p-emea' },
          { userId: 'u-ann', role: 'PARTNER_READ_ONLY_ADMIN', customerId: 'c-acme' },
          { userId: 'u-ann', role: 'USAGE_COLLECTOR', partnerId: 'p-emea', customerId: 'c-acme' },
          { userId: 'u-nobody', role: 'SUPPORT_ADMIN', customerId: 'c-nope' },
        ],
      },
      [
        'roleAssignments[0].partnerId: FULL_ADMIN takes customerId, not partnerId',
        'roleAssignments[0].customerId: FULL_ADMIN requires customerId',
        'roleAssignments[1].customerId: PARTNER_READ_ONLY_ADMIN takes partnerId, not customerId',
        'roleAssignments[1].partnerId: PARTNER_READ_ONLY_ADMIN requires partnerId',
        'roleAssignments[2]: USAGE_COLLECTOR takes exactly one of partnerId and customerId',
        'roleAssignments[3].userId: unknown user "u-nobody"',
        'roleAssignments[3].customerId: unknown customer "c-nope"',
      ],
    ],
    [
      'an email that belongs to another user (compared ignoring case)',
      { users: [{ id: 'u-new', email: 'ANN@northwind.example', displayName: 'New' }] },
      ['users[0].email: "ANN@northwind.example" is already the email of user "u-ann"'],
    ],
    [
      'usage for an unknown source, an unentitled license type, a day after tomorrow, a changed repeat',
      {
        usage: [
          { sourceId: 'cl-nope', licenseType: 'PROFESSIONAL', date: '2026-11-20', consumed: 1 },
          { sourceId: 'cl-ams-1', licenseType: 'BASIC', date: '2026-11-20', consumed: 1 },
          { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-12-01', consumed: 1 },
          { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-11-30', consumed: 5 },
          { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-11-30', consumed: 6 },
          {
            sourceId: 'cl-ams-1',
            licenseType: 'PROFESSIONAL',
            date: '2026-11-20',
            consumed: 10_000_001,
          },
        ],
      },
      [
        'usage[2].date: "2026-12-01" is more than one day in the future (the latest day accepted is 2026-11-30)',
        'usage[5].consumed: must be at most 10000000, got 10000001',
        'usage[0].sourceId: unknown cluster or tenant "cl-nope"',
        'usage[1].licenseType: subscription "Sub-104233" of "cl-ams-1" has no BASIC entitlement',
        'usage[4]: cl-ams-1 PROFESSIONAL 2026-11-30 was already given with consumed 5 at usage[3]',
      ],
    ],
  ];

  it.each(cases)('refuses %s', async (_name, doc, expected) => {
    const result = await importDocument(db.ds, doc, 'doc.json', { now: NOW });
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(expected);
    expect(result.problems.every((p) => p.file === 'doc.json')).toBe(true);
  });
});
