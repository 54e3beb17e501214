import type { EntityManager } from 'typeorm';
import { isMysql } from '../../db/dialect';
import type {
  LicenseType,
  Role,
  ServerRole,
  SourceType,
  SubscriptionKind,
  SubscriptionStatus,
} from '../../db/enums';
import { selectWhereIn } from '../../db/sql/bulk';
import { group } from './group';
import type { ParsedDocument } from './shape';

// What the database already holds of the records a document writes or refers to, read with a
// fixed sequence of IN-list queries (each step needs the ids the previous one found): sources,
// then their subscriptions, customers, partners; the entitlement and server lists to replace;
// users and role assignments.

export interface ExistingSubscription {
  id: string;
  customerId: string;
  partnerId: string;
  kind: SubscriptionKind;
  status: SubscriptionStatus;
  startDate: string;
  endDate: string | null;
}

export interface ExistingEntitlement {
  id: number;
  subscriptionId: string;
  customerId: string;
  /** The order line number, null when the import gave none. */
  lineId: string | null;
  licenseType: LicenseType;
  quantity: number;
  startDate: string;
  endDate: string | null;
}

export interface ExistingSource {
  id: string;
  sourceType: SourceType;
  subscriptionId: string;
  customerId: string;
  partnerId: string;
  name: string;
  region: string;
}

export interface ExistingServer {
  id: number;
  clusterId: string;
  customerId: string;
  hostname: string;
  role: ServerRole;
}

export interface Existing {
  partners: Map<string, { id: string; name: string }>;
  customers: Map<string, { id: string; partnerId: string; name: string }>;
  subscriptions: Map<string, ExistingSubscription>;
  /** By subscription id. */
  entitlements: Map<string, ExistingEntitlement[]>;
  sources: Map<string, ExistingSource>;
  /** By cluster id. */
  servers: Map<string, ExistingServer[]>;
  users: Map<string, { id: string; email: string; displayName: string }>;
  /** Lower-cased email → the id of the user who has it. */
  userByEmail: Map<string, string>;
  /** roleAssignmentKey() of the assignments of the document's users. */
  roleAssignments: Set<string>;
  /** Sources of the subscriptions whose kind the document changes, by subscription id. */
  sourcesOfRekindedSubscriptions: Map<string, ExistingSource[]>;
  /**
   * Stored ids that MySQL matched only ignoring case ("C-ACME" found "c-acme"), by table and
   * lower-cased id: the document must use the stored spelling.
   */
  caseVariants: Map<string, string>;
}

export function roleAssignmentKey(userId: string, role: Role, scopeKey: string): string {
  return `${userId}\u0000${role}\u0000${scopeKey}`;
}

export function caseVariantKey(table: string, id: string): string {
  return `${table}\u0000${id.toLowerCase()}`;
}

// Columns under the names of the interfaces above.
const SOURCE_COLUMNS = `id, source_type AS sourceType, subscription_id AS subscriptionId,
  customer_id AS customerId, partner_id AS partnerId, name, region`;
const SUBSCRIPTION_COLUMNS = `id, customer_id AS customerId, partner_id AS partnerId, kind, status,
  start_date AS startDate, end_date AS endDate`;
const ENTITLEMENT_COLUMNS = `id, subscription_id AS subscriptionId, customer_id AS customerId,
  line_id AS lineId, license_type AS licenseType, quantity, start_date AS startDate, end_date AS endDate`;
const SERVER_COLUMNS = 'id, cluster_id AS clusterId, customer_id AS customerId, hostname, role';

export async function loadExisting(manager: EntityManager, doc: ParsedDocument): Promise<Existing> {
  const caseVariants = new Map<string, string>();
  const byId = async <T extends { id: string }>(
    table: string,
    columns: string,
    ids: Set<string>,
  ) => {
    const rows = await selectWhereIn<T>(
      manager,
      ids,
      (inList) => `SELECT ${columns} FROM ${table} WHERE id IN (${inList})`,
    );
    const map = new Map<string, T>();
    for (const row of rows) {
      if (ids.has(row.id)) map.set(row.id, row);
      else caseVariants.set(caseVariantKey(table, row.id), row.id);
    }
    return map;
  };
  const where = <T>(ids: Iterable<string>, sql: (inList: string) => string) =>
    selectWhereIn<T>(manager, ids, sql);
  const docSources = [...doc.clusters, ...doc.tenants];
  const roleScopes = (field: 'partnerId' | 'customerId') =>
    doc.roleAssignments.flatMap((a) => (a[field] === null ? [] : [a[field] as string]));

  const sources = await byId<ExistingSource>(
    'usage_sources',
    SOURCE_COLUMNS,
    new Set([...docSources.map((s) => s.id), ...doc.usage.map((u) => u.usage.sourceId)]),
  );
  const subscriptionIds = new Set([
    ...doc.subscriptions.map((s) => s.id),
    ...docSources.map((s) => s.subscriptionId),
    ...[...sources.values()].map((s) => s.subscriptionId),
  ]);
  const subscriptions = await byId<ExistingSubscription>(
    'subscriptions',
    SUBSCRIPTION_COLUMNS,
    subscriptionIds,
  );
  const customers = await byId<{ id: string; partnerId: string; name: string }>(
    'customers',
    'id, partner_id AS partnerId, name',
    new Set([
      ...doc.customers.map((c) => c.id),
      ...doc.subscriptions.map((s) => s.customerId),
      ...[...subscriptions.values()].map((s) => s.customerId),
      ...roleScopes('customerId'),
    ]),
  );
  const partners = await byId<{ id: string; name: string }>(
    'partners',
    'id, name',
    new Set([
      ...doc.partners.map((p) => p.id),
      ...doc.customers.map((c) => c.partnerId),
      ...roleScopes('partnerId'),
    ]),
  );
  // The lists the document replaces, and those that say which license types a usage record's
  // subscription is entitled to.
  const entitlements = await where<ExistingEntitlement>(
    subscriptionIds,
    (inList) =>
      `SELECT ${ENTITLEMENT_COLUMNS} FROM entitlements WHERE subscription_id IN (${inList}) ORDER BY id`,
  );
  const servers = await where<ExistingServer>(
    doc.clusters.filter((c) => c.servers !== null).map((c) => c.id),
    (inList) => `SELECT ${SERVER_COLUMNS} FROM servers WHERE cluster_id IN (${inList})`,
  );
  const users = await byId<{ id: string; email: string; displayName: string }>(
    'users',
    'id, email, display_name AS displayName',
    new Set([...doc.users.map((u) => u.id), ...doc.roleAssignments.map((a) => a.userId)]),
  );
  // MySQL compares emails ignoring case by its collation; SQLite is told to.
  const emailColumn = isMysql(manager.connection) ? 'email' : 'lower(email)';
  const emailOwners = await where<{ id: string; email: string }>(
    doc.users.map((u) => u.email.toLowerCase()),
    (inList) => `SELECT id, email FROM users WHERE ${emailColumn} IN (${inList})`,
  );
  const assignments = await where<{ userId: string; role: Role; scopeKey: string }>(
    doc.roleAssignments.map((a) => a.userId),
    (inList) =>
      `SELECT user_id AS userId, role, scope_key AS scopeKey FROM role_assignments WHERE user_id IN (${inList})`,
  );
  const rekinded = doc.subscriptions.filter((s) => {
    const stored = subscriptions.get(s.id);
    return stored !== undefined && stored.kind !== s.kind;
  });
  const rekindedSources = await where<ExistingSource>(
    rekinded.map((s) => s.id),
    (inList) => `SELECT ${SOURCE_COLUMNS} FROM usage_sources WHERE subscription_id IN (${inList})`,
  );

  // Known as stored sources too: whether the document moves them away is asked of the world.
  for (const source of rekindedSources) if (!sources.has(source.id)) sources.set(source.id, source);

  return {
    partners,
    customers,
    subscriptions,
    entitlements: group(entitlements, (e) => e.subscriptionId),
    sources,
    servers: group(servers, (s) => s.clusterId),
    users,
    userByEmail: new Map(emailOwners.map((r) => [r.email.toLowerCase(), r.id])),
    roleAssignments: new Set(
      assignments.map((a) => roleAssignmentKey(a.userId, a.role, a.scopeKey)),
    ),
    sourcesOfRekindedSubscriptions: group(rekindedSources, (s) => s.subscriptionId),
    caseVariants,
  };
}
