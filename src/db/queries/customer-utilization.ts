import type { SqlCondition } from '../sql/scope-condition';
import { entitlementsInForceSql, latestSnapshotsSql } from './latest-snapshots';

/**
 * A derived table (customer_id, utilization) for the customers matching `where` (a condition on
 * customer_id / partner_id columns): all license types together, consumed / purchased on `asOf`,
 * NULL when nothing is purchased. Orders customer lists by utilization in SQL.
 */
export function customerUtilizationSql(where: SqlCondition, asOf: string): SqlCondition {
  const consumed = latestSnapshotsSql(where, asOf);
  const purchased = entitlementsInForceSql(where, asOf);
  return {
    sql: `SELECT p.customer_id,
                 CASE WHEN p.purchased > 0 THEN COALESCE(c.consumed, 0) * 1.0 / p.purchased END
                   AS utilization
          FROM (SELECT customer_id, SUM(quantity) AS purchased FROM (${purchased.sql}) e
                GROUP BY customer_id) p
          LEFT JOIN (SELECT customer_id, SUM(consumed) AS consumed FROM (${consumed.sql}) s
                     GROUP BY customer_id) c ON c.customer_id = p.customer_id`,
    params: [...purchased.params, ...consumed.params],
  };
}
