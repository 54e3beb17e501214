// The authorization matrix (issue 4): every surface of the graph × every kind of viewer, and what
// each viewer gets. Read a row left to right; authorization-matrix.test.ts runs every cell through
// the gateway (or, for `_entities`, against the subgraph itself, as the gateway would send it) and
// fails when a root field, mutation, entity type or Partner field of the schema has no row here.
//
// Outcomes: D data · N null, empty or absent · F FORBIDDEN · U UNAUTHENTICATED · B BAD_USER_INPUT
// (the viewer got past authorization and the request itself was refused: nothing written).
//
// Targets are Northwind's: partner p-north, its customer c-acme (Sub-100001, cl-ams-1, t-acme-us).

import { FIXTURE_LAST_DAY, graphFixture } from '../../support/graph-fixture';

const STORED = graphFixture().usage.find(
  (u) => u.sourceId === 'cl-ams-1' && u.date === FIXTURE_LAST_DAY,
)!;
const STORED_RECORD = {
  sourceId: STORED.sourceId,
  licenseType: STORED.licenseType,
  date: STORED.date,
  consumed: STORED.consumed,
};

/** The columns, in order. `u-ghost` has a valid token but is no user; `anonymous` sends none. */
export const VIEWERS = [
  'u-pfa-north', // PARTNER_FULL_ADMIN p-north
  'u-pro-north', // PARTNER_READ_ONLY_ADMIN p-north
  'u-pa-north', // PARTNER_ADMIN c-acme, c-globex
  'u-fa-acme', // FULL_ADMIN c-acme
  'u-ro-acme', // READ_ONLY_ADMIN c-acme
  'u-sa-acme', // SUPPORT_ADMIN c-acme
  'u-uc-north', // USAGE_COLLECTOR p-north
  'u-uc-acme', // USAGE_COLLECTOR c-acme
  'u-pfa-south', // PARTNER_FULL_ADMIN p-south (another partner)
  'u-none', // a user without roles
  'u-ghost', // a valid token for a user that does not exist
  'anonymous', // no token
] as const;

export type Viewer = (typeof VIEWERS)[number];
export type Outcome = 'D' | 'N' | 'F' | 'U' | 'B';

/** Ids the runner reads from the fixture database for rows that need them. */
export interface MatrixIds {
  /** u-fa-acme's FULL_ADMIN on c-acme: the customer's only full admin. */
  lastFullAdminOfAcme: string;
}

export interface MatrixRow {
  /** `Query.x`, `Mutation.x`, `Partner.x`, `Customer.x` or `<subgraph>._entities.<Type>`. */
  surface: string;
  /** Where the operation goes: the gateway, or one subgraph (for `_entities`). */
  via: 'gateway' | 'organizations' | 'subscriptions' | 'usage';
  query: string;
  /** `viewer`: rows whose target must differ per viewer (each deletes its own schedule). */
  variables?: (ids: MatrixIds, viewer: Viewer) => Record<string, unknown>;
  /** Where in `data` the outcome is read. */
  path: readonly (string | number)[];
  /** One outcome per viewer, in VIEWERS order. */
  expect: string;
  /** Built by a later issue: the row runs once the schema has the field. */
  pending?: string;
}

const entities = (via: MatrixRow['via'], type: string, id: string, expect: string): MatrixRow => ({
  surface: `${via}._entities.${type}`,
  via,
  query: `query($r: [_Any!]!) { _entities(representations: $r) { __typename ... on ${type} { id } } }`,
  // `$name`: an id the runner reads from the database (MatrixIds).
  variables: (ids) => ({
    r: [{ __typename: type, id: id.startsWith('$') ? ids[id.slice(1) as keyof MatrixIds] : id }],
  }),
  path: ['_entities', 0],
  expect,
});

const gateway = (
  surface: string,
  query: string,
  path: readonly (string | number)[],
  expect: string,
  variables?: MatrixRow['variables'],
): MatrixRow => ({ surface, via: 'gateway', query, path, expect, variables });

// prettier-ignore
export const MATRIX: MatrixRow[] = [
  //                                                                          pfaN proN paN faA roA saA ucN ucA pfaS none ghost anon
  gateway('Query.viewer', '{ viewer { user { id } roles { id } } }', ['viewer'], 'D D D D D D D D D D U U'),
  gateway('Query.partner', '{ partner(id: "p-north") { id name } }', ['partner'], 'D D D D D D D D N N U U'),
  gateway('Query.customer', '{ customer(id: "c-acme") { id name } }', ['customer'], 'D D D D D D N D N N U U'),
  gateway('Query.customers', '{ customers(filter: { nameContains: "Acme" }) { nodes { id } } }', ['customers', 'nodes'], 'D D D D D D N N N N U U'),
  gateway('Query.subscription', '{ subscription(id: "Sub-100001") { id } }', ['subscription'], 'D D D D D D N N N N U U'),
  gateway('Query.cluster', '{ cluster(id: "cl-ams-1") { id } }', ['cluster'], 'D D D D D D N N N N U U'),
  gateway('Query.tenant', '{ tenant(id: "t-acme-us") { id } }', ['tenant'], 'D D D D D D N N N N U U'),
  // Rows are cut to the viewer's scope in SQL, whatever the filter asks: out of scope is empty.
  gateway('Query.usageReport', '{ usageReport(filter: { customerIds: ["c-acme"], from: "2026-11-01", to: "2026-11-28" }, groupBy: [CUSTOMER], granularity: MONTH) { rows { customerId consumed } } }', ['usageReport', 'rows'], 'D D D D D D N N N N U U'),
  gateway('Query.roleAuditLog', '{ roleAuditLog(customerId: "c-acme") { totalCount } }', ['roleAuditLog'], 'D D F D D F F F F F U U'),

  // An existing assignment: granted viewers get it back unchanged (idempotent), so nothing is written.
  gateway('Mutation.assignRole', 'mutation { assignRole(input: { userId: "u-ro-acme", role: READ_ONLY_ADMIN, customerId: "c-acme" }) { id } }', ['assignRole'], 'D F F D F F F F F F U U'),
  // The customer's last full admin: those who may revoke it are told why not; nothing is written.
  gateway('Mutation.revokeRole', 'mutation($id: ID!) { revokeRole(id: $id) }', ['revokeRole'], 'B F F B F F F F F F U U', (ids) => ({ id: ids.lastFullAdminOfAcme })),

  // Schedules of c-acme: the runner makes one per viewer (owned by u-fa-acme, mailed to u-ro-acme),
  // each with its last period already delivered, so that running it writes and mails nothing.
  gateway('Query.reportSchedules', '{ reportSchedules(customerId: "c-acme") { id } }', ['reportSchedules'], 'D D N D D N N N N N U U'),
  // A recipient who may not read c-acme: full admins get past authorization and are refused.
  gateway('Mutation.createReportSchedule', 'mutation { createReportSchedule(input: { name: "m", customerId: "c-acme", groupBy: [], cadence: DAILY, recipientIds: ["u-pfa-south"] }) { id } }', ['createReportSchedule'], 'B F F B F F F F F F U U'),
  gateway('Mutation.runReportSchedule', 'mutation($id: ID!) { runReportSchedule(id: $id) { status } }', ['runReportSchedule'], 'D F F D F F F F F F U U', (_ids, viewer) => ({ id: `rs-matrix-${viewer}` })),
  gateway('Mutation.deleteReportSchedule', 'mutation($id: ID!) { deleteReportSchedule(id: $id) }', ['deleteReportSchedule'], 'D F F D F F F F F F U U', (_ids, viewer) => ({ id: `rs-matrix-${viewer}` })),

  // A record exactly as stored: collectors in scope get it back as unchanged, so nothing is written.
  gateway('Mutation.ingestUsage', 'mutation($r: [UsageRecordInput!]!) { ingestUsage(records: $r) { accepted unchanged } }', ['ingestUsage'], 'F F F F F F D D F F U U', () => ({ r: [STORED_RECORD] })),

  // Partner fields: analytics need a partner-scoped full or read-only admin; a partner that is
  // visible (through one of its customers) says FORBIDDEN, an invisible one is null.
  gateway('Partner.licenseSummary', '{ partner(id: "p-north") { licenseSummary { licenseType } } }', ['partner', 'licenseSummary'], 'D D F F F F F F N N U U'),
  gateway('Partner.alerts', '{ partner(id: "p-north") { alerts { kind } } }', ['partner', 'alerts'], 'D D F F F F F F N N U U'),
  gateway('Partner.customers', '{ partner(id: "p-north") { customers { nodes { id } } } }', ['partner', 'customers', 'nodes'], 'D D D D D D N N N N U U'),
  gateway('Partner.roleAssignments', '{ partner(id: "p-north") { roleAssignments { id } } }', ['partner', 'roleAssignments'], 'D D F F F F F F N N U U'),
  // Customer fields below the entry points.
  gateway('Customer.subscriptions', '{ customer(id: "c-acme") { subscriptions { id } } }', ['customer', 'subscriptions'], 'D D D D D D N N N N U U'),
  gateway('Customer.licenseSummary', '{ customer(id: "c-acme") { licenseSummary { licenseType } } }', ['customer', 'licenseSummary'], 'D D D D D D N N N N U U'),
  gateway('Customer.roleAssignments', '{ customer(id: "c-acme") { roleAssignments { id } } }', ['customer', 'roleAssignments'], 'D D F D D F N F N N U U'),
  gateway('Customer.partner', '{ customer(id: "c-acme") { partner { id } } }', ['customer', 'partner'], 'D D D D D D N D N N U U'),
  // Planning (issue 16): computed over the viewer's read scope, like licenseSummary.
  gateway('Customer.forecast', '{ customer(id: "c-acme") { forecast { licenseType } } }', ['customer', 'forecast'], 'D D D D D D N N N N U U'),
  gateway('LicenseSubscription.forecast', '{ subscription(id: "Sub-100001") { forecast { licenseType } } }', ['subscription', 'forecast'], 'D D D D D D N N N N U U'),
  gateway('Customer.reclaimable', '{ customer(id: "c-acme") { reclaimable { licenseType } } }', ['customer', 'reclaimable'], 'D D D D D D N N N N U U'),

  // Every entity type of every subgraph, asked for directly as the gateway would.
  //                                                                          pfaN proN paN faA roA saA ucN ucA pfaS none ghost anon
  entities('organizations', 'Partner', 'p-north',                              'D D D D D D D D N N U U'),
  entities('organizations', 'Customer', 'c-acme',                              'D D D D D D N D N N U U'),
  entities('organizations', 'User', 'u-fa-acme',                               'D D N D D N N N N N U U'),
  entities('organizations', 'RoleAssignment', '$lastFullAdminOfAcme',          'D D N D D N N N N N U U'),
  entities('subscriptions', 'Customer', 'c-acme',                              'D D D D D D N D N N U U'),
  entities('subscriptions', 'LicenseSubscription', 'Sub-100001',               'D D D D D D N N N N U U'),
  entities('subscriptions', 'Cluster', 'cl-ams-1',                             'D D D D D D N N N N U U'),
  entities('subscriptions', 'Tenant', 't-acme-us',                             'D D D D D D N N N N U U'),
  entities('usage', 'Customer', 'c-acme',                                      'D D D D D D N D N N U U'),
  entities('usage', 'Partner', 'p-north',                                      'D D D D D D D D N N U U'),
  entities('usage', 'Cluster', 'cl-ams-1',                                     'D D D D D D N N N N U U'),
  entities('usage', 'LicenseSubscription', 'Sub-100001',                       'D D D D D D N N N N U U'),
  entities('usage', 'Tenant', 't-acme-us',                                     'D D D D D D N N N N U U'),
  entities('usage', 'User', 'u-fa-acme',                                       'D D N D D N N N N N U U'),
];
