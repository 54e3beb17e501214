import { inList } from '../db/sql/placeholders';
import type { Grant, SqlCondition } from '../db/sql/scope-condition';

/**
 * Role assignments inside a grant: partner-level ones on a granted partner, customer-level ones on
 * a granted customer or on a customer of a granted partner.
 */
export function adminVisibleAssignmentCondition(grant: Grant, alias: string): SqlCondition {
  const partners = [...grant.partnerIds];
  const customers = [...grant.customerIds];
  const parts: string[] = [];
  const params: unknown[] = [];
  if (partners.length > 0) {
    parts.push(`${alias}.partner_id IN ${inList(partners)}`);
    parts.push(
      `${alias}.customer_id IN (SELECT id FROM customers WHERE partner_id IN ${inList(partners)})`,
    );
    params.push(...partners, ...partners);
  }
  if (customers.length > 0) {
    parts.push(`${alias}.customer_id IN ${inList(customers)}`);
    params.push(...customers);
  }
  return parts.length > 0 ? { sql: `(${parts.join(' OR ')})`, params } : { sql: '1 = 0', params };
}

/**
 * Users the viewer may see (its own user, and users holding a role where it may read role
 * assignments): the organizations subgraph resolves User by it, and the usage subgraph shows a
 * schedule's owner and recipients only when it holds, so that no User reference comes back null.
 */
export function visibleUserCondition(
  viewer: { user: { id: string }; scope: { readAdmin: Grant } },
  userColumn: string,
): SqlCondition {
  const visible = adminVisibleAssignmentCondition(viewer.scope.readAdmin, 'ra');
  return {
    sql: `(${userColumn} = ? OR EXISTS (SELECT 1 FROM role_assignments ra
                                        WHERE ra.user_id = ${userColumn} AND ${visible.sql}))`,
    params: [viewer.user.id, ...visible.params],
  };
}
