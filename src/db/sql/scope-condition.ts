import { inList, placeholders } from './placeholders';

// Turns a viewer's grant into a SQL predicate, so that scope is part of every WHERE clause and
// nothing out of scope is ever read. An empty grant is `1 = 0`, never an empty IN list.

export interface Grant {
  partnerIds: ReadonlySet<string>;
  customerIds: ReadonlySet<string>;
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** `columns` name the customer id and partner id columns of the row being filtered. */
export function scopeCondition(
  grant: Grant,
  columns: { customerId: string; partnerId: string },
): SqlCondition {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (grant.customerIds.size > 0) {
    parts.push(`${columns.customerId} IN (${placeholders(grant.customerIds.size)})`);
    params.push(...grant.customerIds);
  }
  if (grant.partnerIds.size > 0) {
    parts.push(`${columns.partnerId} IN (${placeholders(grant.partnerIds.size)})`);
    params.push(...grant.partnerIds);
  }
  if (parts.length === 0) return { sql: '1 = 0', params: [] };
  return { sql: `(${parts.join(' OR ')})`, params };
}

/**
 * `owner IN (ids)` within the grant, for rows (or sources) that carry customer_id and partner_id:
 * those of the owners asked for that the viewer may read.
 */
export function ownersInScope(
  owner: 'subscription_id' | 'customer_id' | 'partner_id',
  ownerIds: readonly string[],
  grant: Grant,
): SqlCondition {
  const scope = scopeCondition(grant, { customerId: 'customer_id', partnerId: 'partner_id' });
  return {
    sql: `${owner} IN ${inList(ownerIds)} AND ${scope.sql}`,
    params: [...ownerIds, ...scope.params],
  };
}
