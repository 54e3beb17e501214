import type { DataSource } from 'typeorm';
import { addDays } from '../../days';
import type { LicenseType } from '../enums';
import type { SqlCondition } from '../sql/scope-condition';
import { dailyTotalsSql } from './daily-totals';
import { entitlementsInForceSql } from './latest-snapshots';
import { licenseTypeOrderSql } from './license-type-order';

/** The contract's window: Customer.reclaimable's default, and what RECLAIMABLE orders by. */
export const DEFAULT_RECLAIMABLE_WINDOW_DAYS = 30;

/** The window of `windowDays` days that ends on asOf (both included). */
export function reclaimableWindow(asOf: string, windowDays: number) {
  return { from: addDays(asOf, -(windowDays - 1)), to: asOf };
}

/**
 * Per customer matching `where` (a condition on customer_id / partner_id, unqualified) and license
 * type with an entitlement in force on asOf: purchased on asOf, the customer's peak daily total
 * over the window (a day counted as LicenseSummary counts it; 0 without any report) and
 * reclaimable = purchased - peak, never below 0. Columns: customer_id, license_type, purchased,
 * peak, reclaimable.
 */
export function reclaimableSql(
  where: SqlCondition,
  asOf: string,
  windowDays: number,
): SqlCondition {
  const { from, to } = reclaimableWindow(asOf, windowDays);
  const purchased = entitlementsInForceSql(where, asOf);
  const totals = dailyTotalsSql('customer_id', where, from, to);
  return {
    sql: `SELECT p.customer_id, p.license_type, p.purchased, COALESCE(k.peak, 0) AS peak,
                 CASE WHEN p.purchased > COALESCE(k.peak, 0) THEN p.purchased - COALESCE(k.peak, 0)
                      ELSE 0 END AS reclaimable
          FROM (SELECT customer_id, license_type, SUM(quantity) AS purchased
                FROM (${purchased.sql}) e GROUP BY customer_id, license_type) p
          LEFT JOIN (SELECT owner_id, license_type, MAX(total) AS peak
                     FROM (${totals.sql}) t GROUP BY owner_id, license_type) k
            ON k.owner_id = p.customer_id AND k.license_type = p.license_type`,
    params: [...purchased.params, ...totals.params],
  };
}

/**
 * A derived table (customer_id, reclaimable) of the customers matching `where` that have an
 * entitlement in force on asOf: their reclaimable licenses of every type together. Orders customer
 * lists by RECLAIMABLE in SQL.
 */
export function customerReclaimableSql(
  where: SqlCondition,
  asOf: string,
  windowDays: number,
): SqlCondition {
  const rows = reclaimableSql(where, asOf, windowDays);
  return {
    sql: `SELECT customer_id, SUM(reclaimable) AS reclaimable FROM (${rows.sql}) r
          GROUP BY customer_id`,
    params: rows.params,
  };
}

export interface ReclaimableRow {
  customerId: string;
  licenseType: LicenseType;
  purchased: number;
  peak: number;
  reclaimable: number;
}

/** Runs reclaimableSql, ordered by customer, then license type in the contract's order. */
export async function reclaimableRows(
  ds: DataSource,
  where: SqlCondition,
  asOf: string,
  windowDays: number,
): Promise<ReclaimableRow[]> {
  const query = reclaimableSql(where, asOf, windowDays);
  const rows: Array<{
    customer_id: string;
    license_type: LicenseType;
    purchased: unknown;
    peak: unknown;
    reclaimable: unknown;
  }> = await ds.query(
    `SELECT * FROM (${query.sql}) rows_of_customers
     ORDER BY customer_id, ${licenseTypeOrderSql('license_type')}`,
    query.params,
  );
  // SUM and MAX over a SUM come back as strings from MySQL (DECIMAL).
  return rows.map((row) => ({
    customerId: row.customer_id,
    licenseType: row.license_type,
    purchased: Number(row.purchased),
    peak: Number(row.peak),
    reclaimable: Number(row.reclaimable),
  }));
}
