import { importDocument } from '../../../src/ingest/document/import-document';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';

// Issue 12 §6: regions brought in through import that a spreadsheet would run as formulas come out
// of the CSV export neutralised (OWASP: a single quote in front, and quoted); a region that only
// holds such a character further on, and every number, come out as they are.

const HOSTILE = ['=1+2', '+SUM(A1:A9)', '-2+3', '@SUM(A1)', '=HYPERLINK("http://x.example")'];
const HARMLESS = ['EMEA', 'eu-west-1'];
const REGIONS = [...HOSTILE, ...HARMLESS];

const DOCUMENT = {
  partners: [{ id: 'p-csv', name: "=cmd|' /C calc'!A0" }],
  customers: [{ id: 'c-csv', partnerId: 'p-csv', name: '@Evil Corp' }],
  subscriptions: [
    {
      id: 'Sub-csv',
      customerId: 'c-csv',
      kind: 'MULTI_TENANT',
      status: 'ACTIVE',
      startDate: '2026-01-01',
      entitlements: [{ licenseType: 'BASIC', quantity: 100, startDate: '2026-01-01' }],
    },
  ],
  tenants: REGIONS.map((region, i) => ({
    id: `t-csv-${i}`,
    subscriptionId: 'Sub-csv',
    name: `+tenant ${i}`,
    region,
  })),
  users: [{ id: 'u-csv', email: 'csv@example.com', displayName: '-Admin' }],
  roleAssignments: [{ userId: 'u-csv', role: 'PARTNER_FULL_ADMIN', partnerId: 'p-csv' }],
  usage: REGIONS.map((_, i) => ({
    sourceId: `t-csv-${i}`,
    licenseType: 'BASIC',
    date: '2026-11-20',
    consumed: i + 1,
  })),
};

let db: TestDatabase;
let stack: TestStack;
beforeAll(async () => {
  db = await openTestDatabase();
  const result = await importDocument(db.ds, DOCUMENT, 'hostile.json');
  expect(result.problems).toEqual([]);
  stack = await startTestStack(db);
});
afterAll(async () => {
  await stack?.stop();
  await db?.close();
});

it('neutralises the hostile regions and leaves the others and the numbers as they are', async () => {
  const url = stack.gatewayUrl.replace(/\/graphql$/, '/reports/usage.csv');
  const response = await fetch(
    `${url}?from=2026-11-01&to=2026-11-30&groupBy=REGION,SOURCE,LICENSE_TYPE&partnerId=p-csv`,
    { headers: { authorization: `Bearer ${await stack.token('u-csv')}` } },
  );
  expect(response.status).toBe(200);
  const lines = (await response.text()).split('\r\n').filter((line) => line !== '');
  const expected = REGIONS.map((region, i) => {
    const cell = HOSTILE.includes(region) ? `"'${region.replace(/"/g, '""')}"` : region;
    return `2026-11-01,c-csv,Sub-csv,${cell},t-csv-${i},BASIC,${i + 1},${i + 1},`;
  });
  expect(lines.slice(1).sort()).toEqual(expected.sort());
  // The same report through GraphQL carries the regions as they were imported.
  const { body } = await stack.request(
    `{ usageReport(filter: { from: "2026-11-01", to: "2026-11-30", partnerId: "p-csv" }, groupBy: [REGION]) { rows { region } } }`,
    {},
    { authorization: `Bearer ${await stack.token('u-csv')}` },
  );
  const rows = (body.data as { usageReport: { rows: Array<{ region: string }> } }).usageReport.rows;
  expect(rows.map((row) => row.region).sort()).toEqual([...REGIONS].sort());
});
