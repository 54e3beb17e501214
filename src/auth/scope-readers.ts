import type { DataSource } from 'typeorm';
import { Role } from '../db/enums';
import { inList } from '../db/sql/placeholders';
import type { SqlCondition } from '../db/sql/scope-condition';
import { ROLE_RULES } from './roles';
import type { ScopeLevel } from './roles';

// Who may read a scope, asked about other users than the viewer (the recipients of a scheduled
// report), in SQL. The roles come from the role table (roles.ts), so this says exactly what
// Scope.allows('read', …) would say for each of them after loading them one by one.

/** A partner (customerId null: the partner as a whole) or one customer of that partner. */
export interface ReportScope {
  partnerId: string;
  customerId: string | null;
}

function readingRoles(level: ScopeLevel): Role[] {
  return (Object.values(Role) as Role[]).filter(
    (role) =>
      ROLE_RULES[role].scopeLevel === level && ROLE_RULES[role].capabilities.includes('read'),
  );
}

/**
 * The user in `columns.user` may read the scope named by `columns.partner` and `columns.customer`
 * (column names or `?`-free SQL expressions; customer NULL: the whole partner).
 */
export function scopeReaderCondition(columns: {
  user: string;
  partner: string;
  customer: string;
}): SqlCondition {
  const partnerRoles = readingRoles('partner');
  const customerRoles = readingRoles('customer');
  return {
    sql: `EXISTS (SELECT 1 FROM role_assignments rr_ra WHERE rr_ra.user_id = ${columns.user}
            AND ((rr_ra.role IN ${inList(partnerRoles)} AND rr_ra.partner_id = ${columns.partner})
              OR (${columns.customer} IS NOT NULL AND rr_ra.role IN ${inList(customerRoles)}
                  AND rr_ra.customer_id = ${columns.customer})))`,
    params: [...partnerRoles, ...customerRoles],
  };
}

/** Those of `userIds` that may read all of `scope`. */
export async function scopeReaders(
  ds: DataSource,
  scope: ReportScope,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const readers = scopeReaderCondition({ user: 'u.id', partner: '?', customer: '?' });
  // The condition names the scope's columns twice for the customer: bind them in its order.
  const rows: Array<{ id: string }> = await ds.query(
    `SELECT u.id FROM users u WHERE u.id IN ${inList(userIds)} AND ${readers.sql}`,
    [...userIds, ...bindScope(readers.params, scope)],
  );
  // MySQL compares ids case-insensitively; only exact ids count.
  const wanted = new Set(userIds);
  return new Set(rows.map((row) => row.id).filter((id) => wanted.has(id)));
}

function bindScope(roleParams: unknown[], scope: ReportScope): unknown[] {
  const partnerCount = readingRoles('partner').length;
  return [
    ...roleParams.slice(0, partnerCount),
    scope.partnerId,
    scope.customerId,
    ...roleParams.slice(partnerCount),
    scope.customerId,
  ];
}
