import type { DataSource } from 'typeorm';
import { customerUtilizationSql } from '../../../db/queries/customer-utilization';
import { customerReclaimableTotals } from '../../../db/queries/reclaimable';
import { scopeCondition } from '../../../db/sql/scope-condition';
import { inList } from '../../../db/sql/placeholders';
import type { Grant, SqlCondition } from '../../../db/sql/scope-condition';
import type { SortKey } from '../../../graphql/connection';
import { CustomerOrderField, OrderDirection } from '../../../graphql/enums';
import type { SubscriptionKind } from '../../../graphql/enums';

export interface CustomerPageQuery {
  grant: Grant;
  /** Only customers of these partners; a page each (customerPagesOfPartners). */
  partnerIds?: readonly string[];
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
// Reclaimable licenses over the last 30 days up to asOf, all types together (README, Reclaimable
// licenses); 0 for a customer with nothing in force.
const RECLAIMABLE_KEY = 'COALESCE(r.reclaimable, 0)';

/**
 * RECLAIMABLE's sort keys, computed before the page (db/queries/reclaimable.ts folds the daily
 * totals outside SQL) for the customers the list can hold: the viewer's scope, cut to the
 * partners asked for. Undefined for the other orders.
 */
async function reclaimableKeys(
  ds: DataSource,
  query: CustomerPageQuery,
): Promise<Map<string, number> | undefined> {
  if (query.order.field !== CustomerOrderField.RECLAIMABLE) return undefined;
  const scope = scopeCondition(query.grant, { customerId: 'customer_id', partnerId: 'partner_id' });
  const where =
    query.partnerIds === undefined
      ? scope
      : {
          sql: `${scope.sql} AND partner_id IN ${inList(query.partnerIds)}`,
          params: [...scope.params, ...query.partnerIds],
        };
  return customerReclaimableTotals(ds, where, query.asOf);
}

/** The keys as a derived table of constants (customer_id, reclaimable) to join the page to. */
function constantKeysSql(keys: Map<string, number>): SqlCondition | null {
  if (keys.size === 0) return null;
  const rows = [...keys].map((_, i) =>
    i === 0 ? 'SELECT ? AS customer_id, ? AS reclaimable' : 'SELECT ?, ?',
  );
  return { sql: rows.join(' UNION ALL '), params: [...keys].flat() };
}

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
  if (query.partnerIds !== undefined) {
    parts.push(`c.partner_id IN ${inList(query.partnerIds)}`);
    params.push(...query.partnerIds);
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

interface PageStatement {
  /** `FROM … WHERE …` of the page's rows (filters, scope and the cursor), for `params`. */
  fromWhere: string;
  params: unknown[];
  /** The sort key's expression, and the order of the page. */
  key: string;
  direction: 'ASC' | 'DESC';
  where: SqlCondition;
  /** The sort key is a number (utilization, reclaimable), not the name. */
  numericKey: boolean;
}

/** The derived table a numeric ordering joins the customers to, and its sort key. */
function orderingJoin(
  query: CustomerPageQuery,
  keys: Map<string, number> | undefined,
): { join: SqlCondition; key: string } | null {
  if (query.order.field === CustomerOrderField.UTILIZATION) {
    const where = scopeCondition(query.grant, {
      customerId: 'customer_id',
      partnerId: 'partner_id',
    });
    const utilization = customerUtilizationSql(where, query.asOf);
    return {
      join: {
        sql: `LEFT JOIN (${utilization.sql}) u ON u.customer_id = c.id`,
        params: utilization.params,
      },
      key: UTILIZATION_KEY,
    };
  }
  if (query.order.field === CustomerOrderField.RECLAIMABLE) {
    const constants = constantKeysSql(keys ?? new Map());
    return {
      join: constants
        ? {
            sql: `LEFT JOIN (${constants.sql}) r ON r.customer_id = c.id`,
            params: constants.params,
          }
        : { sql: '', params: [] },
      key: constants ? RECLAIMABLE_KEY : '0',
    };
  }
  return null;
}

function pageStatement(
  query: CustomerPageQuery,
  keys: Map<string, number> | undefined,
): PageStatement {
  const where = filters(query);
  const ordering = orderingJoin(query, keys);
  const direction = query.order.direction === OrderDirection.DESC ? 'DESC' : 'ASC';
  const comparison = direction === 'DESC' ? '<' : '>';
  const key = ordering?.key ?? 'c.name';

  const pageWhere = [where.sql];
  const params = [...(ordering?.join.params ?? []), ...where.params];
  if (query.after) {
    const [afterKey, afterId] = query.after;
    pageWhere.push(`(${key} ${comparison} ? OR (${key} = ? AND c.id ${comparison} ?))`);
    params.push(afterKey, afterKey, afterId);
  }
  return {
    fromWhere: `FROM customers c ${ordering?.join.sql ?? ''} WHERE ${pageWhere.join(' AND ')}`,
    params,
    key,
    direction,
    where,
    numericKey: ordering !== null,
  };
}

type RawRow = { id: string; name: string; partner_id: string; sort_key: string | number };

function toRow(row: RawRow, numericKey: boolean): CustomerRow {
  return {
    id: row.id,
    name: row.name,
    partnerId: row.partner_id,
    sortKey: [numericKey ? Number(row.sort_key) : String(row.sort_key), row.id],
  };
}

/** One page of customers in a stable order (the sort key, then the id) plus the total count. */
export async function customerPage(
  ds: DataSource,
  query: CustomerPageQuery,
): Promise<{ rows: CustomerRow[]; totalCount: number }> {
  const page = pageStatement(query, await reclaimableKeys(ds, query));
  const [rows, count] = await Promise.all([
    ds.query(
      `SELECT c.id, c.name, c.partner_id, ${page.key} AS sort_key ${page.fromWhere}
       ORDER BY sort_key ${page.direction}, c.id ${page.direction} LIMIT ${query.limit}`,
      page.params,
    ) as Promise<RawRow[]>,
    ds.query(
      `SELECT COUNT(*) AS n FROM customers c WHERE ${page.where.sql}`,
      page.where.params,
    ) as Promise<Array<{ n: number | string }>>,
  ]);
  return {
    rows: rows.map((row) => toRow(row, page.numericKey)),
    totalCount: Number(count[0].n),
  };
}

/**
 * The same page for each of `partnerIds` (the query's partnerIds), in one statement however
 * many partners there are: each partner's first `limit` rows by a window over the partner, joined
 * to the counts grouped by partner. A partner without a visible customer gets an empty page.
 */
export async function customerPagesOfPartners(
  ds: DataSource,
  query: CustomerPageQuery & { partnerIds: readonly string[] },
): Promise<Map<string, { rows: CustomerRow[]; totalCount: number }>> {
  const page = pageStatement(query, await reclaimableKeys(ds, query));
  // The counts per partner, each joined to its page: one statement (issue 14), and a partner whose
  // page is empty (a cursor past its end) still gets its count.
  const rows: Array<Omit<RawRow, 'partner_id'> & { count_partner_id: string; n: number | string }> =
    await ds.query(
      `SELECT cnt.partner_id AS count_partner_id, cnt.n, p.id, p.name, p.sort_key
       FROM (SELECT c.partner_id, COUNT(*) AS n FROM customers c WHERE ${page.where.sql}
             GROUP BY c.partner_id) cnt
       LEFT JOIN (
         SELECT c.id, c.name, c.partner_id, ${page.key} AS sort_key,
                ROW_NUMBER() OVER (PARTITION BY c.partner_id
                                   ORDER BY ${page.key} ${page.direction}, c.id ${page.direction}) AS rn
         ${page.fromWhere}) p
         ON p.partner_id = cnt.partner_id AND p.rn <= ${query.limit}
       ORDER BY cnt.partner_id, p.rn`,
      [...page.where.params, ...page.params],
    );
  const pages = new Map(
    query.partnerIds.map((id) => [id, { rows: [] as CustomerRow[], totalCount: 0 }]),
  );
  for (const row of rows) {
    const partnerPage = pages.get(row.count_partner_id);
    if (!partnerPage) continue;
    partnerPage.totalCount = Number(row.n);
    if (row.id !== null) {
      partnerPage.rows.push(toRow({ ...row, partner_id: row.count_partner_id }, page.numericKey));
    }
  }
  return pages;
}
