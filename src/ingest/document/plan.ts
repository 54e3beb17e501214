import { randomUUID } from 'node:crypto';
import type { KindCounts, DocumentCounts } from './result';
import { roleAssignmentKey } from './existing';
import type { DocumentWorld } from './world';

// What writing a valid document changes, worked out before anything is written: each record is
// compared with what is stored, so that only new and changed rows are written (and counted as
// such) and a document imported twice writes nothing the second time. Entitlements and servers
// are compared by their natural keys, so the rows that stay keep their ids.

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

/** Counts a record and says whether it must be written. */
function needsWrite(counts: KindCounts, stored: unknown[] | undefined, given: unknown[]): boolean {
  if (stored === undefined) {
    counts.inserted++;
    return true;
  }
  if (stored.some((value, i) => value !== given[i])) {
    counts.updated++;
    return true;
  }
  counts.unchanged++;
  return false;
}

/** The rows to write: new ones and those that differ from what is stored, column by column. */
function diff(
  counts: KindCounts,
  records: Array<{ stored: unknown[] | undefined; row: unknown[] }>,
): unknown[][] {
  return records.filter(({ stored, row }) => needsWrite(counts, stored, row)).map(({ row }) => row);
}

export function planWrites(
  world: DocumentWorld,
  counts: DocumentCounts,
  createdAt: unknown,
): WritePlan {
  const { doc, existing } = world;
  const steps: WriteStep[] = [];
  const moved: WritePlan['moved'] = { customers: [], subscriptions: [], sources: [] };
  const upsert = (
    table: string,
    columns: readonly string[],
    keys: readonly string[],
    rows: unknown[][],
  ) => {
    if (rows.length > 0) steps.push({ op: 'upsert', table, columns, keys, rows });
  };
  const remove = (table: string, ids: number[]) => {
    if (ids.length > 0) steps.push({ op: 'delete', table, column: 'id', ids });
  };

  upsert(
    'partners',
    ['id', 'name'],
    ['id'],
    diff(
      counts.partners,
      doc.partners.map((p) => {
        const stored = existing.partners.get(p.id);
        return { stored: stored && [p.id, stored.name], row: [p.id, p.name] };
      }),
    ),
  );

  upsert(
    'customers',
    ['id', 'partner_id', 'name'],
    ['id'],
    diff(
      counts.customers,
      doc.customers.map((c) => {
        const stored = existing.customers.get(c.id);
        if (stored && stored.partnerId !== c.partnerId) moved.customers.push(c.id);
        return {
          stored: stored && [c.id, stored.partnerId, stored.name],
          row: [c.id, c.partnerId, c.name],
        };
      }),
    ),
  );

  upsert(
    'subscriptions',
    ['id', 'customer_id', 'partner_id', 'kind', 'status', 'start_date', 'end_date'],
    ['id'],
    diff(
      counts.subscriptions,
      doc.subscriptions.map((s) => {
        const stored = existing.subscriptions.get(s.id);
        if (stored && stored.customerId !== s.customerId) moved.subscriptions.push(s.id);
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
      }),
    ),
  );

  const entitlementRows: Array<{ stored: unknown[] | undefined; row: unknown[] }> = [];
  const removedEntitlements: number[] = [];
  for (const s of doc.subscriptions) {
    if (s.entitlements === null) continue;
    const stored = new Map(
      (existing.entitlements.get(s.id) ?? []).map((e) => [`${e.licenseType} ${e.startDate}`, e]),
    );
    for (const e of s.entitlements) {
      const key = `${e.licenseType} ${e.startDate}`;
      const before = stored.get(key);
      stored.delete(key);
      entitlementRows.push({
        stored: before && [
          s.id,
          before.customerId,
          e.licenseType,
          before.quantity,
          e.startDate,
          before.endDate,
        ],
        row: [s.id, s.customerId, e.licenseType, e.quantity, e.startDate, e.endDate],
      });
    }
    for (const left of stored.values()) removedEntitlements.push(left.id);
  }
  counts.entitlements.removed = removedEntitlements.length;
  remove('entitlements', removedEntitlements);
  upsert(
    'entitlements',
    ['subscription_id', 'customer_id', 'license_type', 'quantity', 'start_date', 'end_date'],
    ['subscription_id', 'license_type', 'start_date'],
    diff(counts.entitlements, entitlementRows),
  );

  const sourceRows: Array<{ stored: unknown[] | undefined; row: unknown[] }> = [];
  for (const source of [...doc.clusters, ...doc.tenants]) {
    const facts = world.sourceFacts(source.id);
    if (!facts) throw new Error(`planWrites: "${source.id}" was not validated`);
    const before = existing.sources.get(source.id);
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
    if (stored && [1, 2, 3, 4, 6].some((i) => stored[i] !== row[i])) moved.sources.push(source.id);
    sourceRows.push({ stored, row });
  }
  upsert(
    'usage_sources',
    ['id', 'source_type', 'subscription_id', 'customer_id', 'partner_id', 'name', 'region'],
    ['id'],
    diff(counts.clusters, sourceRows.slice(0, doc.clusters.length)).concat(
      diff(counts.tenants, sourceRows.slice(doc.clusters.length)),
    ),
  );

  const serverRows: Array<{ stored: unknown[] | undefined; row: unknown[] }> = [];
  const removedServers: number[] = [];
  for (const cluster of doc.clusters) {
    if (cluster.servers === null) continue;
    const customerId = world.sourceFacts(cluster.id)?.customerId;
    const stored = new Map(
      (existing.servers.get(cluster.id) ?? []).map((s) => [s.hostname.toLowerCase(), s]),
    );
    for (const server of cluster.servers) {
      const before = stored.get(server.hostname);
      stored.delete(server.hostname);
      serverRows.push({
        stored: before && [cluster.id, before.customerId, before.hostname, before.role],
        row: [cluster.id, customerId, server.hostname, server.role],
      });
    }
    for (const left of stored.values()) removedServers.push(left.id);
  }
  counts.servers.removed = removedServers.length;
  remove('servers', removedServers);
  upsert(
    'servers',
    ['cluster_id', 'customer_id', 'hostname', 'role'],
    ['cluster_id', 'hostname'],
    diff(counts.servers, serverRows),
  );

  upsert(
    'users',
    ['id', 'email', 'display_name'],
    ['id'],
    diff(
      counts.users,
      doc.users.map((u) => {
        const stored = existing.users.get(u.id);
        return {
          stored: stored && [u.id, stored.email, stored.displayName],
          row: [u.id, u.email, u.displayName],
        };
      }),
    ),
  );

  // An assignment is its key: one already held is unchanged; a new one gets an id of its own.
  const newAssignments: unknown[][] = [];
  for (const a of doc.roleAssignments) {
    const scopeKey = a.partnerId !== null ? `partner:${a.partnerId}` : `customer:${a.customerId}`;
    if (existing.roleAssignments.has(roleAssignmentKey(a.userId, a.role, scopeKey))) {
      counts.roleAssignments.unchanged++;
      continue;
    }
    counts.roleAssignments.inserted++;
    newAssignments.push([
      randomUUID(),
      a.userId,
      a.role,
      a.partnerId,
      a.customerId,
      scopeKey,
      createdAt,
    ]);
  }
  if (newAssignments.length > 0) {
    steps.push({
      op: 'insert',
      table: 'role_assignments',
      columns: ['id', 'user_id', 'role', 'partner_id', 'customer_id', 'scope_key', 'created_at'],
      rows: newAssignments,
    });
  }

  return { steps, moved };
}
