import fs from 'node:fs';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { API_FILE, schemaDir } from '../../../src/schema/schema-files';
import { withoutRequestIds } from '../../support/request-ids';
import { asUser } from '../../support/stack';
import { useFixtureStack } from './fixture-stack';

// Attacks on scope through the gateway, each with the outcome it must get: other tenants' ids in
// aliases, filters and nested hops; read-only admins calling every mutation; collectors reading;
// hidden ids that must answer byte for byte like missing ones.

const { db, stack, fixture } = useFixtureStack();
const api = buildSchema(fs.readFileSync(path.join(schemaDir(), API_FILE), 'utf8'));

/** The answer's text, request ids masked: hidden and missing ids must answer alike in the rest. */
async function text(userId: string, query: string, variables = {}): Promise<string> {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await asUser(stack, userId)) },
    body: JSON.stringify({ query, variables }),
  });
  return withoutRequestIds(await response.text());
}

async function tableCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [
    'role_assignments',
    'role_audit_log',
    'license_usage',
    'users',
    'report_schedules',
    'report_deliveries',
  ]) {
    const [row] = await db.ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/** Northwind's ids (the field to look each up with), seen from Southwind. */
function northIds(): Array<[field: string, id: string]> {
  const north = new Set(
    fixture.customers.filter((c) => c.partnerId === 'p-north').map((c) => c.id),
  );
  const subs = fixture.subscriptions.filter((s) => north.has(s.customerId));
  const subIds = new Set(subs.map((s) => s.id));
  return [
    ['partner', 'p-north'],
    ...[...north].map((id): [string, string] => ['customer', id]),
    ...subs.map((s): [string, string] => ['subscription', s.id]),
    ...fixture.clusters
      .filter((c) => subIds.has(c.subscriptionId))
      .map((c): [string, string] => ['cluster', c.id]),
    ...fixture.tenants
      .filter((t) => subIds.has(t.subscriptionId))
      .map((t): [string, string] => ['tenant', t.id]),
  ];
}

function aliased(lookups: Array<[string, string]>): string {
  return `{ ${lookups.map(([field, id], i) => `a${i}: ${field}(id: ${JSON.stringify(id)}) { id }`).join(' ')} }`;
}

it("answers 15 aliased lookups of another partner's ids with 15 nulls, like 15 missing ids", async () => {
  const lookups = northIds().slice(0, 15);
  expect(lookups).toHaveLength(15);
  const hidden = await text('u-pfa-south', aliased(lookups));
  expect(JSON.parse(hidden)).toEqual({
    data: Object.fromEntries(lookups.map((_l, i) => [`a${i}`, null])),
  });
  const missing = await text('u-pfa-south', aliased(lookups.map(([f], i) => [f, `missing-${i}`])));
  expect(hidden).toBe(missing);
});

it('leaves other tenants out of filters and nested hops', async () => {
  // A name filter that matches only Northwind's customers.
  expect(
    JSON.parse(
      await text(
        'u-pfa-south',
        '{ customers(filter: { nameContains: "Acme" }) { totalCount nodes { id } } }',
      ),
    ),
  ).toEqual({
    data: { customers: { totalCount: 0, nodes: [] } },
  });
  // A partner admin of two Northwind customers hops to the partner and lists its customers.
  expect(
    JSON.parse(
      await text(
        'u-pa-north',
        '{ customer(id: "c-acme") { partner { customers { nodes { id } } } } }',
      ),
    ),
  ).toEqual({
    data: {
      customer: { partner: { customers: { nodes: [{ id: 'c-acme' }, { id: 'c-globex' }] } } },
    },
  });
  // A customer admin hops from its own role to the partner's analytics and role lists.
  const hop = JSON.parse(
    await text(
      'u-fa-acme',
      '{ viewer { roles { customer { partner { id roleAssignments { id } } } } } }',
    ),
  );
  expect(hop.data).toEqual({ viewer: { roles: [{ customer: null }] } });
  expect(hop.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
    'FORBIDDEN',
  ]);
  // A support admin hops from its customer to the customer's administrators.
  const support = JSON.parse(
    await text('u-sa-acme', '{ customer(id: "c-acme") { id roleAssignments { user { email } } } }'),
  );
  expect(support.data).toEqual({ customer: null });
  expect(support.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
    'FORBIDDEN',
  ]);
  // Another partner's audit log, or its customer's, in a filter argument: FORBIDDEN, like a missing one.
  for (const [hidden, missing] of [
    [
      '{ roleAuditLog(customerId: "c-acme") { totalCount } }',
      '{ roleAuditLog(customerId: "c-missing") { totalCount } }',
    ],
    [
      '{ roleAuditLog(partnerId: "p-north") { totalCount } }',
      '{ roleAuditLog(partnerId: "p-missing") { totalCount } }',
    ],
  ]) {
    const answer = await text('u-pfa-south', hidden);
    expect(JSON.parse(answer).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(answer).toBe(await text('u-pfa-south', missing));
  }
});

it("answers usageReport with another tenant's customerIds and subscriptionIds like missing ones", async () => {
  const report = (filter: string) =>
    `{ usageReport(filter: { ${filter}, from: "2026-11-01", to: "2026-11-28" }, groupBy: [CUSTOMER]) { rows { customerId consumed } } }`;
  expect(await text('u-fa-acme', report('customerIds: ["c-acme", "c-umbrella"]'))).toBe(
    await text('u-fa-acme', report('customerIds: ["c-acme", "c-missing"]')),
  );
  expect(await text('u-fa-acme', report('subscriptionIds: ["Sub-100001", "Sub-400001"]'))).toBe(
    await text('u-fa-acme', report('subscriptionIds: ["Sub-100001", "Sub-missing"]')),
  );
});

const ACME_SCHEDULE =
  '{ name: "Acme weekly", customerId: "c-acme", groupBy: [LICENSE_TYPE], cadence: WEEKLY, recipientIds: ["u-fa-acme"] }';

/** Acme's one schedule, made by its full admin on first use: the target of delete and run. */
async function acmeScheduleId(): Promise<string> {
  const [existing] = await db.ds.query(
    `SELECT id FROM report_schedules WHERE name = 'Acme weekly'`,
  );
  if (existing) return existing.id;
  const created = JSON.parse(
    await text('u-fa-acme', `mutation { createReportSchedule(input: ${ACME_SCHEDULE}) { id } }`),
  );
  expect(created.errors).toBeUndefined();
  return created.data.createReportSchedule.id;
}

/** One call of each mutation that a full admin of c-acme or p-north could make. */
async function mutationCalls(): Promise<Record<string, string>> {
  const [saAcme] = await db.ds.query(`SELECT id FROM role_assignments WHERE user_id = 'u-sa-acme'`);
  const scheduleId = await acmeScheduleId();
  return {
    createReportSchedule: `mutation { createReportSchedule(input: ${ACME_SCHEDULE}) { id } }`,
    deleteReportSchedule: `mutation { deleteReportSchedule(id: "${scheduleId}") }`,
    runReportSchedule: `mutation { runReportSchedule(id: "${scheduleId}") { id } }`,
    assignRole:
      'mutation { assignRole(input: { userId: "u-none", role: SUPPORT_ADMIN, customerId: "c-acme" }) { id } }',
    revokeRole: `mutation { revokeRole(id: "${saAcme.id}") }`,
    ingestUsage:
      'mutation { ingestUsage(records: [{ sourceId: "cl-ams-1", licenseType: PROFESSIONAL, date: "2026-11-28", consumed: 999 }]) { accepted rejected { code } } }',
  };
}

it.each(['u-ro-acme', 'u-pro-north', 'u-sa-acme', 'u-pa-north'])(
  '%s calls every mutation and is refused, with nothing written',
  async (userId) => {
    const calls = await mutationCalls();
    const mutations = Object.keys(api.getMutationType()!.getFields());
    expect(mutations.filter((m) => !(m in calls))).toEqual([]);
    const before = await tableCounts();
    for (const name of mutations) {
      const body = JSON.parse(await text(userId, calls[name]));
      // ingestUsage may instead refuse record by record (FORBIDDEN_SOURCE) and accept none.
      const refused =
        body.errors?.[0]?.extensions?.code === 'FORBIDDEN' ||
        (body.data?.[name]?.accepted === 0 &&
          body.data[name].rejected.every((r: { code: string }) => r.code === 'FORBIDDEN_SOURCE'));
      expect({ name, refused }).toEqual({ name, refused: true });
    }
    expect(await tableCounts()).toEqual(before);
  },
);

it.each([
  ['u-uc-acme', { customer: { id: 'c-acme', subscriptions: [], licenseSummary: [] } }],
  ['u-uc-north', { customer: null }],
])('lets collector %s read nothing of its scope', async (userId, customer) => {
  const reads = `{
    customers { totalCount }
    subscription(id: "Sub-100001") { id }
    cluster(id: "cl-ams-1") { id }
    tenant(id: "t-acme-us") { id }
    customer(id: "c-acme") { id subscriptions { id } licenseSummary { licenseType } }
  }`;
  expect(JSON.parse(await text(userId, reads))).toEqual({
    data: {
      customers: { totalCount: 0 },
      subscription: null,
      cluster: null,
      tenant: null,
      ...customer,
    },
  });
  for (const query of [
    '{ roleAuditLog(customerId: "c-acme") { totalCount } }',
    '{ partner(id: "p-north") { licenseSummary { licenseType } } }',
    '{ partner(id: "p-north") { roleAssignments { id } } }',
  ]) {
    const body = JSON.parse(await text(userId, query));
    expect({ query, code: body.errors?.[0]?.extensions?.code }).toEqual({
      query,
      code: 'FORBIDDEN',
    });
  }
});

it('answers role mutations on hidden and missing things byte for byte alike', async () => {
  const [southAdmin] = await db.ds.query(
    `SELECT id FROM role_assignments WHERE user_id = 'u-pfa-south'`,
  );
  const before = await tableCounts();
  const pairs: Array<[string, string]> = [
    [
      `mutation { revokeRole(id: "${southAdmin.id}") }`,
      'mutation { revokeRole(id: "ra-missing") }',
    ],
    [
      'mutation { assignRole(input: { userId: "u-none", role: SUPPORT_ADMIN, customerId: "c-umbrella" }) { id } }',
      'mutation { assignRole(input: { userId: "u-none", role: SUPPORT_ADMIN, customerId: "c-missing" }) { id } }',
    ],
    [
      'mutation { assignRole(input: { userId: "u-none", role: PARTNER_READ_ONLY_ADMIN, partnerId: "p-south" }) { id } }',
      'mutation { assignRole(input: { userId: "u-none", role: PARTNER_READ_ONLY_ADMIN, partnerId: "p-missing" }) { id } }',
    ],
  ];
  for (const [hidden, missing] of pairs) {
    const answer = await text('u-pfa-north', hidden);
    expect(JSON.parse(answer).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(answer).toBe(await text('u-pfa-north', missing));
  }
  expect(await tableCounts()).toEqual(before);
});
