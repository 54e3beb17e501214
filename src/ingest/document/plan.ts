import { randomUUID } from 'node:crypto';
import type { KindCounts, DocumentCounts } from './result';
import { matchLines } from './entitlement-lines';
import { roleAssignmentKey } from './existing';
import type { DocumentWorld } from './world';

// What writing a valid document changes, worked out before anything is written: each record is
// compared with what is stored, so that only new and changed rows are written (and counted as
// such) and a document imported twice writes nothing the second time. Entitlements are matched
// line by line (entitlement-lines.ts) and servers by hostname, so the rows that stay keep their ids.

export type WriteStep =
  | {
      op: 'upsert';
      table: string;
      columns: readonly string[];
      keys: readonly string[];
      rows: unknown[][];
    }
  | { op: 'insert'; table: string; columns: readonly string[]; rows: unknown[][] }
  | { op: 'delete'; table: string; column: string; ids: number[] };

export interface WritePlan {
  /** In foreign-key order. */
  steps: WriteStep[];
  /**
   * Records whose parent or copied columns change: what is stored below them (and not in the
   * document) must copy the new values.
   */
  moved: { customers: string[]; subscriptions: string[]; sources: string[] };
}

/** A record of the document beside its stored row (undefined: new), column for column. */
interface Compared {
  stored: unknown[] | undefined;
  row: unknown[];
}

/** Counts a record and says whether it must be written. */
function needsWrite(counts: KindCounts, { stored, row }: Compared): boolean {
  if (stored === undefined) {
    counts.inserted++;
    return true;
  }
  if (stored.some((value, i) => value !== row[i])) {
    counts.updated++;
    return true;
  }
  counts.unchanged++;
  return false;
}

/** The rows to write: new ones and those that differ from what is stored, column by column. */
function diff(counts: KindCounts, records: Compared[]): unknown[][] {
  return records.filter((record) => needsWrite(counts, record)).map(({ row }) => row);
}

/** What every step reads and adds to. */
interface Planning {
  world: DocumentWorld;
  counts: DocumentCounts;
  /** The time stamp of new role assignments, as a statement parameter. */
  createdAt: unknown;
  plan: WritePlan;
}

function upsert(
  plan: WritePlan,
  table: string,
  columns: readonly string[],
  keys: readonly string[],
  rows: unknown[][],
): void {
  if (rows.length > 0) plan.steps.push({ op: 'upsert', table, columns, keys, rows });
}

function remove(plan: WritePlan, table: string, ids: number[]): void {
  if (ids.length > 0) plan.steps.push({ op: 'delete', table, column: 'id', ids });
}

function planPartners({ world, counts, plan }: Planning): void {
  const rows = world.doc.partners.map((p) => {
    const stored = world.existing.partners.get(p.id);
    return { stored: stored && [p.id, stored.name], row: [p.id, p.name] };
  });
  upsert(plan, 'partners', ['id', 'name'], ['id'], diff(counts.partners, rows));
}

function planCustomers({ world, counts, plan }: Planning): void {
  const rows = world.doc.customers.map((c) => {
    const stored = world.existing.customers.get(c.id);
    if (stored && stored.partnerId !== c.partnerId) plan.moved.customers.push(c.id);
    return {
      stored: stored && [c.id, stored.partnerId, stored.name],
      row: [c.id, c.partnerId, c.name],
    };
  });
  upsert(plan, 'customers', ['id', 'partner_id', 'name'], ['id'], diff(counts.customers, rows));
}

function planSubscriptions({ world, counts, plan }: Planning): void {
  const rows = world.doc.subscriptions.map((s) => {
    const stored = world.existing.subscriptions.get(s.id);
    if (stored && stored.customerId !== s.customerId) plan.moved.subscriptions.push(s.id);
    const partnerId = world.partnerOf(s.customerId);
    return {
      stored: stored && [
        s.id,
        stored.customerId,
        stored.partnerId,
        stored.kind,
        stored.status,
        stored.startDate,
        stored.endDate,
      ],
      row: [s.id, s.customerId, partnerId, s.kind, s.status, s.startDate, s.endDate],
    };
  });
  upsert(
    plan,
    'subscriptions',
    ['id', 'customer_id', 'partner_id', 'kind', 'status', 'start_date', 'end_date'],
    ['id'],
    diff(counts.subscriptions, rows),
  );
}

const ENTITLEMENT_COLUMNS = [
  'subscription_id',
  'customer_id',
  'line_id',
  'license_type',
  'quantity',
  'start_date',
  'end_date',
];

/**
 * Lines of the new lists matched to the stored ones (entitlement-lines.ts): changed lines are
 * rewritten by their row id, new ones inserted, and those left out removed.
 */
function planEntitlements({ world, counts, plan }: Planning): void {
  const rows: Compared[] = [];
  const removed: number[] = [];
  for (const s of world.doc.subscriptions) {
    if (s.entitlements === null) continue;
    const matched = matchLines(s.entitlements, world.existing.entitlements.get(s.id) ?? []);
    for (const { given: e, stored: before } of matched.pairs) {
      rows.push({
        stored: before && [
          before.id,
          s.id,
          before.customerId,
          before.lineId,
          before.licenseType,
          before.quantity,
          before.startDate,
          before.endDate,
        ],
        row: [
          before?.id,
          s.id,
          s.customerId,
          e.id,
          e.licenseType,
          e.quantity,
          e.startDate,
          e.endDate,
        ],
      });
    }
    removed.push(...matched.removed.map((row) => row.id));
  }
  counts.entitlements.removed = removed.length;
  remove(plan, 'entitlements', removed);
  const written = diff(counts.entitlements, rows);
  const changed = written.filter((row) => row[0] !== undefined);
  const added = written.filter((row) => row[0] === undefined).map((row) => row.slice(1));
  upsert(plan, 'entitlements', ['id', ...ENTITLEMENT_COLUMNS], ['id'], changed);
  if (added.length > 0)
    plan.steps.push({
      op: 'insert',
      table: 'entitlements',
      columns: ENTITLEMENT_COLUMNS,
      rows: added,
    });
}

/** A cluster or tenant as written, beside its stored row; notes it moved when its usage must follow. */
function compareSource({ world, plan }: Planning, source: { id: string; name: string }): Compared {
  const facts = world.sourceFacts(source.id);
  if (!facts) throw new Error(`planWrites: "${source.id}" was not validated`);
  const before = world.existing.sources.get(source.id);
  const row = [
    source.id,
    facts.sourceType,
    facts.subscriptionId,
    facts.customerId,
    facts.partnerId,
    source.name,
    facts.region,
  ];
  const stored = before && [
    source.id,
    before.sourceType,
    before.subscriptionId,
    before.customerId,
    before.partnerId,
    before.name,
    before.region,
  ];
  // Its usage rows copy all but the name.
  if (stored && [1, 2, 3, 4, 6].some((i) => stored[i] !== row[i]))
    plan.moved.sources.push(source.id);
  return { stored, row };
}

function planSources(planning: Planning): void {
  const { world, counts, plan } = planning;
  const clusters = world.doc.clusters.map((c) => compareSource(planning, c));
  const tenants = world.doc.tenants.map((t) => compareSource(planning, t));
  upsert(
    plan,
    'usage_sources',
    ['id', 'source_type', 'subscription_id', 'customer_id', 'partner_id', 'name', 'region'],
    ['id'],
    diff(counts.clusters, clusters).concat(diff(counts.tenants, tenants)),
  );
}

function planServers({ world, counts, plan }: Planning): void {
  const rows: Compared[] = [];
  const removed: number[] = [];
  for (const cluster of world.doc.clusters) {
    if (cluster.servers === null) continue;
    const customerId = world.sourceFacts(cluster.id)?.customerId;
    const stored = new Map(
      (world.existing.servers.get(cluster.id) ?? []).map((s) => [s.hostname.toLowerCase(), s]),
    );
    for (const server of cluster.servers) {
      const before = stored.get(server.hostname);
      stored.delete(server.hostname);
      rows.push({
        stored: before && [cluster.id, before.customerId, before.hostname, before.role],
        row: [cluster.id, customerId, server.hostname, server.role],
      });
    }
    for (const left of stored.values()) removed.push(left.id);
  }
  counts.servers.removed = removed.length;
  remove(plan, 'servers', removed);
  upsert(
    plan,
    'servers',
    ['cluster_id', 'customer_id', 'hostname', 'role'],
    ['cluster_id', 'hostname'],
    diff(counts.servers, rows),
  );
}

function planUsers({ world, counts, plan }: Planning): void {
  const rows = world.doc.users.map((u) => {
    const stored = world.existing.users.get(u.id);
    return {
      stored: stored && [u.id, stored.email, stored.displayName],
      row: [u.id, u.email, u.displayName],
    };
  });
  upsert(plan, 'users', ['id', 'email', 'display_name'], ['id'], diff(counts.users, rows));
}

/** An assignment is its key: one already held is unchanged; a new one gets an id of its own. */
function planRoleAssignments({ world, counts, createdAt, plan }: Planning): void {
  const rows: unknown[][] = [];
  for (const a of world.doc.roleAssignments) {
    const scopeKey = a.partnerId !== null ? `partner:${a.partnerId}` : `customer:${a.customerId}`;
    if (world.existing.roleAssignments.has(roleAssignmentKey(a.userId, a.role, scopeKey))) {
      counts.roleAssignments.unchanged++;
      continue;
    }
    counts.roleAssignments.inserted++;
    rows.push([randomUUID(), a.userId, a.role, a.partnerId, a.customerId, scopeKey, createdAt]);
  }
  if (rows.length === 0) return;
  plan.steps.push({
    op: 'insert',
    table: 'role_assignments',
    columns: ['id', 'user_id', 'role', 'partner_id', 'customer_id', 'scope_key', 'created_at'],
    rows,
  });
}

/** Each kind of record in foreign-key order: parents are written before what refers to them. */
const STEPS = [
  planPartners,
  planCustomers,
  planSubscriptions,
  planEntitlements,
  planSources,
  planServers,
  planUsers,
  planRoleAssignments,
];

export function planWrites(
  world: DocumentWorld,
  counts: DocumentCounts,
  createdAt: unknown,
): WritePlan {
  const plan: WritePlan = { steps: [], moved: { customers: [], subscriptions: [], sources: [] } };
  for (const step of STEPS) step({ world, counts, createdAt, plan });
  return plan;
}
