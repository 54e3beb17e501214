import { LICENSE_TYPES } from '../enums';
import type { SqlCondition } from '../sql/scope-condition';

// Every license type as a derived table of constants: crossed with the sources, it gives the
// (source, license type) pairs whose latest day is then found by one index seek each.
const LICENSE_TYPE_ROWS = LICENSE_TYPES.map((type) => `SELECT '${type}' AS license_type`).join(
  ' UNION ALL ',
);

/**
 * Every (source, license type) pair whose source matches `where` (a condition on source_id,
 * customer_id, partner_id, subscription_id, region, source_type (the source's current values) and
 * license_type, unqualified), as a derived table with those columns. Joined to license_usage on
 * its primary key (source, license type, day), each pair is one index range: reading a day range
 * of many sources that way follows the clustered rows, where the (customer or partner, day)
 * indexes would fetch every row on its own.
 */
export function sourceLicensePairsSql(where: SqlCondition): SqlCondition {
  return {
    sql: `SELECT src.source_id, lt.license_type, src.customer_id, src.partner_id,
                 src.subscription_id, src.region, src.source_type
          FROM (SELECT id AS source_id, customer_id, partner_id, subscription_id, region,
                       source_type
                FROM usage_sources) src
          CROSS JOIN (${LICENSE_TYPE_ROWS}) lt
          WHERE ${where.sql}`,
    params: where.params,
  };
}

/**
 * For every (source, license type) that matches `where` and has a report on or before `asOf`, its
 * latest snapshot: the "consumed" of license summaries.
 *
 * `where` is a condition on the source, unqualified: source_id, customer_id, partner_id,
 * subscription_id, region, source_type (the source's current values) and license_type. It cannot
 * name day or consumed.
 *
 * The latest day of each pair is one backwards seek on the primary key (source, license type,
 * day) and its snapshot one primary-key lookup, so the cost grows with the number of sources
 * matched, never with the days of history they have (a GROUP BY over license_usage would read
 * every reported day of a partner). Sources that never reported a type yield no row.
 *
 * Columns: source_id, license_type, day, consumed, customer_id, partner_id, subscription_id,
 * region, source_type.
 */
export function latestSnapshotsSql(where: SqlCondition, asOf: string): SqlCondition {
  return {
    sql: `SELECT lu.source_id, lu.license_type, lu.day, lu.consumed, latest.customer_id,
                 latest.partner_id, latest.subscription_id, latest.region, latest.source_type
          FROM (SELECT src.source_id, lt.license_type, src.customer_id, src.partner_id,
                       src.subscription_id, src.region, src.source_type,
                       (SELECT x.day FROM license_usage x
                        WHERE x.source_id = src.source_id AND x.license_type = lt.license_type
                          AND x.day <= ?
                        ORDER BY x.day DESC LIMIT 1) AS day
                FROM (SELECT id AS source_id, customer_id, partner_id, subscription_id, region,
                             source_type
                      FROM usage_sources) src
                CROSS JOIN (${LICENSE_TYPE_ROWS}) lt
                WHERE ${where.sql}) latest
          JOIN license_usage lu
            ON lu.source_id = latest.source_id AND lu.license_type = latest.license_type
           AND lu.day = latest.day`,
    params: [asOf, ...where.params],
  };
}

/**
 * Entitlements in force on `asOf` (start and end days included; no end: open-ended) that match
 * `where`, a condition on subscription_id, customer_id, partner_id (the subscription's partner:
 * entitlements do not carry it themselves) and license_type, unqualified.
 * Columns: subscription_id, customer_id, partner_id, license_type, quantity.
 */
export function entitlementsInForceSql(where: SqlCondition, asOf: string): SqlCondition {
  return {
    sql: `SELECT subscription_id, customer_id, partner_id, license_type, quantity
          FROM (SELECT e.subscription_id, e.customer_id, sb.partner_id, e.license_type, e.quantity,
                       e.start_date, e.end_date
                FROM entitlements e JOIN subscriptions sb ON sb.id = e.subscription_id) ent
          WHERE ${where.sql} AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
    params: [...where.params, asOf, asOf],
  };
}
