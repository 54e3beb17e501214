import { inList, scopeCondition } from '../scope-condition';
import type { Grant, SqlCondition } from '../scope-condition';

// Which customers and partners a viewer may see by id, the same in every subgraph that resolves
// them, so that an entity one subgraph returns is never null in another. Seeing one is not
// reading its data: lists under it are cut to the read grant on their own.

/**
 * A statement selecting `id` for those of `ids` that are customers the viewer reads, or that its
 * own role assignments name (a viewer always sees the scope of its own roles).
 */
export function visibleCustomersSql(
  ids: readonly string[],
  read: Grant,
  ownCustomerIds: readonly string[],
): SqlCondition {
  const scope = scopeCondition(read, { customerId: 'c.id', partnerId: 'c.partner_id' });
  const own = ownCustomerIds.length > 0 ? ` OR c.id IN ${inList(ownCustomerIds)}` : '';
  return {
    sql: `SELECT c.id FROM customers c WHERE c.id IN ${inList(ids)} AND (${scope.sql}${own})`,
    params: [...ids, ...scope.params, ...ownCustomerIds],
  };
}

/**
 * A statement selecting `id` for those of `ids` that are partners the viewer reads whole,
 * partners of a customer it reads or that its own role assignments name, or partners its own role
 * assignments name — the partners the organizations subgraph shows, so that a partner it returns
 * (a customer collector's `customer.partner`) is never null here.
 */
export function visiblePartnersSql(
  ids: readonly string[],
  read: Grant,
  own: { partnerIds: readonly string[]; customerIds: readonly string[] },
): SqlCondition {
  const direct = [...read.partnerIds, ...own.partnerIds];
  const viaCustomers = scopeCondition(
    { partnerIds: new Set(), customerIds: new Set([...read.customerIds, ...own.customerIds]) },
    { customerId: 'c.id', partnerId: 'c.partner_id' },
  );
  return {
    sql: `SELECT p.id FROM partners p
          WHERE p.id IN ${inList(ids)}
            AND (${direct.length > 0 ? `p.id IN ${inList(direct)}` : '1 = 0'}
                 OR EXISTS (SELECT 1 FROM customers c
                            WHERE c.partner_id = p.id AND ${viaCustomers.sql}))`,
    params: [...ids, ...direct, ...viaCustomers.params],
  };
}
