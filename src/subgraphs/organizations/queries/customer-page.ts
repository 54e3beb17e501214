import type { DataSource } from 'typeorm';
import { customerUtilizationSql } from '../../../db/queries/customer-utilization';
import { inList, scopeCondition } from '../../../db/scope-condition';
import type { Grant, SqlCondition } from '../../../db/scope-condition';
import type { SortKey } from '../../../graphql/connection';
import { CustomerOrderField, OrderDirection } from '../../../graphql/enums';
import type { SubscriptionKind } from '../../../graphql/enums';

export interface CustomerPageQuery {
  grant: Grant;
  partnerId?: string;
  nameContains?: string;
  regions?: string[];
  subscriptionKinds?: SubscriptionKind[];
  order: { field: CustomerOrderField; direction: OrderDirection };
  /** Sort key of the last row of the previous page. */
  after: SortKey | null;
  limit: number;
  asOf: string;
}

export interface CustomerRow {
  id: string;
  name: string;
  partnerId: string;
  /** The sort key, for the cursor. */
  sortKey: SortKey;
}

// Utilization is NULL when nothing is purchased; such customers sort as -1, before every real
// value, so that the keyset comparison never meets a NULL.
const UTILIZATION_KEY = 'COALESCE(u.utilization, -1)';

// LIKE's escape character. Not the backslash: MySQL reads `'\'` as an unterminated string (a
// backslash escapes the quote there), while SQLite needs it written that way. `!` is plain text in
// both dialects' string literals.
const LIKE_ESCAPE = '!';

/** The text as a LIKE pattern that matches it literally: its wildcards and `!` escaped. */
function escapeLike(text: string): string {
  return text.replace(/[!%_]/g, (c) => `${LIKE_ESCAPE}${c}`);
}

function filters(query: CustomerPageQuery): SqlCondition {
  const scope = scopeCondition(query.grant, { customerId: 'c.id', partnerId: 'c.partner_id' });
  const parts = [scope.sql];
  const params = [...scope.params];
  if (query.partnerId !== undefined) {
    parts.push('c.partner_id = ?');
    params.push(query.partnerId);
  }
  if (query.nameContains) {
    parts.push(`LOWER(c.name) LIKE ? ESCAPE '${LIKE_ESCAPE}'`);
    params.push(`%${escapeLike(query.nameContains.toLowerCase())}%`);
  }
  if (query.regions) {
    parts.push(
      `EXISTS (SELECT 1 FROM usage_sources s WHERE s.customer_id = c.id AND s.region IN ${inList(query.regions)})`,
    );
    params.push(...query.regions);
  }
  if (query.subscriptionKinds) {
    parts.push(
      `EXISTS (SELECT 1 FROM subscriptions sb WHERE sb.customer_id = c.id AND sb.kind IN ${inList(query.subscriptionKinds)})`,
    );
    params.push(...query.subscriptionKinds);
  }
  return { sql: parts.join(' AND '), params };
}

/** One page of customers in a stable order (the sort key, then the id) plus the total count. */
export async function customerPage(
  ds: DataSource,
  query: CustomerPageQuery,
): Promise<{ rows: CustomerRow[]; totalCount: number }> {
  const where = filters(query);
  const byUtilization = query.order.field === CustomerOrderField.UTILIZATION;
  const direction = query.order.direction === OrderDirection.DESC ? 'DESC' : 'ASC';
  const comparison = direction === 'DESC' ? '<' : '>';
  const key = byUtilization ? UTILIZATION_KEY : 'c.name';

  let join = '';
  const joinParams: unknown[] = [];
  if (byUtilization) {
    const utilization = customerUtilizationSql(
      scopeCondition(query.grant, { customerId: 'customer_id', partnerId: 'partner_id' }),
      query.asOf,
    );
    join = `LEFT JOIN (${utilization.sql}) u ON u.customer_id = c.id`;
    joinParams.push(...utilization.params);
  }

  const pageWhere = [where.sql];
  const pageParams = [...joinParams, ...where.params];
  if (query.after) {
    const [afterKey, afterId] = query.after;
    pageWhere.push(`(${key} ${comparison} ? OR (${key} = ? AND c.id ${comparison} ?))`);
    pageParams.push(afterKey, afterKey, afterId);
  }

  const [rows, count] = await Promise.all([
    ds.query(
      `SELECT c.id, c.name, c.partner_id, ${key} AS sort_key FROM customers c ${join}
       WHERE ${pageWhere.join(' AND ')}
       ORDER BY sort_key ${direction}, c.id ${direction} LIMIT ${query.limit}`,
      pageParams,
    ) as Promise<
      Array<{ id: string; name: string; partner_id: string; sort_key: string | number }>
    >,
    ds.query(`SELECT COUNT(*) AS n FROM customers c WHERE ${where.sql}`, where.params) as Promise<
      Array<{ n: number | string }>
    >,
  ]);
  return {
    rows: rows.map((row) => ({
      id: row.id,
      name: row.name,
      partnerId: row.partner_id,
      sortKey: [byUtilization ? Number(row.sort_key) : String(row.sort_key), row.id],
    })),
    totalCount: Number(count[0].n),
  };
}
