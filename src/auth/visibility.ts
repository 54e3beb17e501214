import type { DataSource } from 'typeorm';
import { inList } from '../db/sql/placeholders';
import { scopeCondition } from '../db/sql/scope-condition';
import type { Viewer } from './load-viewer';

// The one rule for which customers and partners a viewer may see by id, used by every subgraph
// that resolves them, so that an entity one subgraph returns is never null in another. Seeing one
// is not reading its data: lists and analytics under it are cut to the viewer's grants on their
// own. A viewer always sees the scope of its own role assignments (a customer collector sees its
// customer and that customer's partner).

export interface VisibleCustomer {
  id: string;
  name: string;
  partnerId: string;
}

export interface VisiblePartner {
  id: string;
  name: string;
}

function ownIds(viewer: Viewer, of: 'partnerId' | 'customerId'): string[] {
  return viewer.assignments.flatMap((a) => (a[of] ? [a[of]] : []));
}

/** Those of `ids` that are customers the viewer reads, or that its own assignments name. */
export async function visibleCustomers(
  ds: DataSource,
  viewer: Viewer,
  ids: readonly string[],
): Promise<VisibleCustomer[]> {
  const scope = scopeCondition(viewer.scope.read, {
    customerId: 'c.id',
    partnerId: 'c.partner_id',
  });
  const own = ownIds(viewer, 'customerId');
  const rows: Array<{ id: string; name: string; partner_id: string }> = await ds.query(
    `SELECT c.id, c.name, c.partner_id FROM customers c
     WHERE c.id IN ${inList(ids)} AND (${scope.sql}${own.length ? ` OR c.id IN ${inList(own)}` : ''})`,
    [...ids, ...scope.params, ...own],
  );
  return rows.map((row) => ({ id: row.id, name: row.name, partnerId: row.partner_id }));
}

/**
 * Those of `ids` that are partners the viewer reads whole or that its own assignments name, and
 * the partner of every customer it may see (docs/architecture.md: a partner's id and name are readable by
 * everyone who may read one of its customers). Whether it may see the partner's analytics is the
 * permissions' business.
 */
export async function visiblePartners(
  ds: DataSource,
  viewer: Viewer,
  ids: readonly string[],
): Promise<VisiblePartner[]> {
  const read = viewer.scope.read;
  const direct = [...read.partnerIds, ...ownIds(viewer, 'partnerId')];
  const viaCustomers = scopeCondition(
    {
      partnerIds: new Set(),
      customerIds: new Set([...read.customerIds, ...ownIds(viewer, 'customerId')]),
    },
    { customerId: 'c.id', partnerId: 'c.partner_id' },
  );
  return ds.query(
    `SELECT p.id, p.name FROM partners p
     WHERE p.id IN ${inList(ids)}
       AND (${direct.length > 0 ? `p.id IN ${inList(direct)}` : '1 = 0'}
            OR EXISTS (SELECT 1 FROM customers c WHERE c.partner_id = p.id AND ${viaCustomers.sql}))`,
    [...ids, ...direct, ...viaCustomers.params],
  );
}
