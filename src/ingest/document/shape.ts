import { requiredScopeField } from '../../auth/roles';
import {
  Role,
  LicenseType,
  ServerRole,
  SubscriptionKind,
  SubscriptionStatus,
} from '../../db/enums';
import type { UsageInputChecker, CheckedUsage } from '../validate/usage-input';
import {
  INVALID,
  ID_PATTERN,
  count,
  day,
  email,
  fieldPath,
  hostname,
  id,
  isPlainObject,
  listOf,
  oneOf,
  optional,
  record,
  text,
} from '../validate/fields';
import type { Checker, Sink } from '../validate/fields';
import type { DocumentCounts } from './result';

// The structure of a JSON document (docs/contract/import-format.md) and every check that needs
// nothing but the document: fields, types, enums, days, counts, date order, the scope field a role
// takes, and keys given twice. References to other records are checked later (references.ts).

const name = text(200);
const region = text(32);

/** An order line number: an id, or a whole number written as one (10 and "10" are one line). */
const lineId: Checker<string> = (value, path, sink) =>
  Number.isSafeInteger(value) && (value as number) >= 0 ? String(value) : id(value, path, sink);

const entitlement = record({
  // Absent: the line is known by all its fields (idempotent re-import matches them).
  id: optional(lineId),
  licenseType: oneOf('LicenseType', LicenseType),
  quantity: count,
  startDate: day,
  endDate: optional(day),
});
const server = record({ hostname, role: oneOf('ServerRole', ServerRole) });

const SPECS = {
  partners: record({ id, name }),
  customers: record({ id, partnerId: id, name }),
  subscriptions: record({
    id,
    customerId: id,
    kind: oneOf('SubscriptionKind', SubscriptionKind),
    status: oneOf('SubscriptionStatus', SubscriptionStatus),
    startDate: day,
    endDate: optional(day),
    // Absent: the stored entitlements stay as they are. A list (even empty) replaces them.
    entitlements: optional(listOf(entitlement)),
  }),
  clusters: record({ id, subscriptionId: id, name, region, servers: optional(listOf(server)) }),
  tenants: record({ id, subscriptionId: id, name, region }),
  users: record({ id, email, displayName: name }),
  roleAssignments: record({
    userId: id,
    role: oneOf('Role', Role),
    partnerId: optional(id),
    customerId: optional(id),
  }),
};

type Specs = typeof SPECS;
type Located<T> = T & { path: string };
type InputOf<K extends keyof Specs> = Located<Exclude<ReturnType<Specs[K]>, typeof INVALID>>;

export type PartnerInput = InputOf<'partners'>;
export type CustomerInput = InputOf<'customers'>;
export type SubscriptionInput = InputOf<'subscriptions'>;
export type ClusterInput = InputOf<'clusters'>;
export type TenantInput = InputOf<'tenants'>;
export type UserInput = InputOf<'users'>;
export type RoleAssignmentInput = InputOf<'roleAssignments'>;
export interface UsageInput {
  path: string;
  index: number;
  usage: CheckedUsage;
}

export const DOCUMENT_KEYS = [...(Object.keys(SPECS) as Array<keyof Specs>), 'usage'] as const;
type DocumentKey = (typeof DOCUMENT_KEYS)[number];

export interface ParsedDocument {
  partners: PartnerInput[];
  customers: CustomerInput[];
  subscriptions: SubscriptionInput[];
  clusters: ClusterInput[];
  tenants: TenantInput[];
  users: UserInput[];
  roleAssignments: RoleAssignmentInput[];
  usage: UsageInput[];
  /**
   * Ids of records that were refused for another field: references to them are not reported
   * again as unknown, since the record's own problem says what is wrong.
   */
  refusedIds: Set<string>;
}

function rawList(doc: Record<string, unknown>, key: DocumentKey, sink: Sink): unknown[] {
  const value = doc[key];
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    sink(key, 'must be a list');
    return [];
  }
  return value;
}

function readList<K extends keyof Specs>(
  raw: unknown[],
  key: K,
  sink: Sink,
  refusedIds: Set<string>,
): Array<InputOf<K>> {
  const records: Array<InputOf<K>> = [];
  raw.forEach((value, index) => {
    const path = fieldPath(key, index);
    const checked = SPECS[key](value, path, sink);
    if (checked !== INVALID) records.push({ ...(checked as object), path } as InputOf<K>);
    else if (isPlainObject(value) && typeof value.id === 'string' && ID_PATTERN.test(value.id)) {
      refusedIds.add(value.id);
    }
  });
  return records;
}

/** Reports a key given twice in the document. Keys compare as MySQL compares them: ignoring case. */
class KeyRegistry {
  private readonly seen = new Map<string, string>();
  constructor(private readonly sink: Sink) {}

  claim(key: string, path: string, what: string): void {
    const folded = key.toLowerCase();
    const earlier = this.seen.get(folded);
    if (earlier === undefined) this.seen.set(folded, path);
    else this.sink(path, `duplicate ${what}: already given at ${earlier}`);
  }
}

function checkDateOrder(
  item: { startDate: string; endDate: string | null },
  path: string,
  sink: Sink,
): void {
  if (item.endDate !== null && item.endDate < item.startDate) {
    sink(fieldPath(path, 'endDate'), `${item.endDate} is before startDate ${item.startDate}`);
  }
}

function checkRoleScope(assignment: RoleAssignmentInput, sink: Sink): void {
  const { role, partnerId, customerId, path } = assignment;
  const required = requiredScopeField(role);
  if (required === 'either') {
    if ((partnerId === null) === (customerId === null)) {
      sink(path, `${role} takes exactly one of partnerId and customerId`);
    }
    return;
  }
  const other = required === 'partnerId' ? 'customerId' : 'partnerId';
  if (assignment[other] !== null)
    sink(fieldPath(path, other), `${role} takes ${required}, not ${other}`);
  if (assignment[required] === null)
    sink(fieldPath(path, required), `${role} requires ${required}`);
}

function checkInternalConsistency(doc: ParsedDocument, sink: Sink): void {
  const ids = {
    partners: new KeyRegistry(sink),
    customers: new KeyRegistry(sink),
    subscriptions: new KeyRegistry(sink),
    // Clusters and tenants share one id namespace (usage names a source without its kind).
    sources: new KeyRegistry(sink),
    users: new KeyRegistry(sink),
  };
  const emails = new KeyRegistry(sink);
  const assignments = new KeyRegistry(sink);
  for (const p of doc.partners)
    ids.partners.claim(p.id, fieldPath(p.path, 'id'), `partner id "${p.id}"`);
  for (const c of doc.customers)
    ids.customers.claim(c.id, fieldPath(c.path, 'id'), `customer id "${c.id}"`);
  for (const s of doc.subscriptions) {
    ids.subscriptions.claim(s.id, fieldPath(s.path, 'id'), `subscription id "${s.id}"`);
    checkDateOrder(s, s.path, sink);
    const lines = new KeyRegistry(sink);
    s.entitlements?.forEach((e, i) => {
      const path = fieldPath(fieldPath(s.path, 'entitlements'), i);
      if (e.id !== null) lines.claim(e.id, fieldPath(path, 'id'), `entitlement id "${e.id}"`);
      checkDateOrder(e, path, sink);
    });
  }
  for (const source of [...doc.clusters, ...doc.tenants]) {
    ids.sources.claim(
      source.id,
      fieldPath(source.path, 'id'),
      `cluster or tenant id "${source.id}"`,
    );
  }
  for (const c of doc.clusters) {
    const hosts = new KeyRegistry(sink);
    c.servers?.forEach((s, i) => {
      hosts.claim(s.hostname, fieldPath(fieldPath(c.path, 'servers'), i), `server "${s.hostname}"`);
    });
  }
  for (const u of doc.users) {
    ids.users.claim(u.id, fieldPath(u.path, 'id'), `user id "${u.id}"`);
    emails.claim(u.email, fieldPath(u.path, 'email'), `email "${u.email}"`);
  }
  for (const a of doc.roleAssignments) {
    checkRoleScope(a, sink);
    const scope = a.partnerId !== null ? `partner ${a.partnerId}` : `customer ${a.customerId}`;
    assignments.claim(
      `${a.userId} ${a.role} ${scope}`,
      a.path,
      `role assignment ${a.role} of ${a.userId} on ${scope}`,
    );
  }
}

/** Reads a parsed JSON value as a document, reporting every problem that needs no database. */
export function readDocument(
  value: unknown,
  usageChecker: UsageInputChecker,
  counts: DocumentCounts,
  sink: Sink,
): ParsedDocument {
  const doc: ParsedDocument = {
    partners: [],
    customers: [],
    subscriptions: [],
    clusters: [],
    tenants: [],
    users: [],
    roleAssignments: [],
    usage: [],
    refusedIds: new Set(),
  };
  if (!isPlainObject(value)) {
    sink('(document)', `must be a JSON object with any of the keys ${DOCUMENT_KEYS.join(', ')}`);
    return doc;
  }
  for (const key of Object.keys(value)) {
    if (!(DOCUMENT_KEYS as readonly string[]).includes(key)) {
      sink(key, `unknown key (expected any of ${DOCUMENT_KEYS.join(', ')})`);
    }
  }
  for (const key of Object.keys(SPECS) as Array<keyof Specs>) {
    const raw = rawList(value, key, sink);
    counts[key].read = raw.length;
    (doc[key] as unknown[]) = readList(raw, key, sink, doc.refusedIds);
    for (const item of raw) {
      if (!isPlainObject(item)) continue;
      if (key === 'subscriptions' && Array.isArray(item.entitlements))
        counts.entitlements.read += item.entitlements.length;
      if (key === 'clusters' && Array.isArray(item.servers))
        counts.servers.read += item.servers.length;
    }
  }
  const usage = rawList(value, 'usage', sink);
  counts.usage.read = usage.length;
  usage.forEach((raw, index) => {
    const path = fieldPath('usage', index);
    const checked = usageChecker.check(raw);
    if (Array.isArray(checked)) {
      for (const p of checked) sink(p.field ? fieldPath(path, p.field) : path, p.message);
    } else doc.usage.push({ path, index, usage: checked });
  });
  checkInternalConsistency(doc, sink);
  return doc;
}
