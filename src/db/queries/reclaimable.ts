import type { DataSource } from 'typeorm';
import { addDays } from '../../days';
import { LICENSE_TYPES } from '../enums';
import type { LicenseType } from '../enums';
import type { SqlCondition } from '../sql/scope-condition';
import { dailyTotals } from './daily-totals';
import { entitlementsInForceSql } from './latest-snapshots';

/** The contract's window: Customer.reclaimable's default, and what RECLAIMABLE orders by. */
export const DEFAULT_RECLAIMABLE_WINDOW_DAYS = 30;

/** The window of `windowDays` days that ends on asOf (both included). */
export function reclaimableWindow(asOf: string, windowDays: number) {
  return { from: addDays(asOf, -(windowDays - 1)), to: asOf };
}

export interface ReclaimableRow {
  customerId: string;
  licenseType: LicenseType;
  purchased: number;
  peak: number;
  reclaimable: number;
}

const key = (customerId: string, licenseType: string) => `${customerId}\u0000${licenseType}`;
const typeOrder = (type: LicenseType) => LICENSE_TYPES.indexOf(type);

/**
 * Per customer matching `where` (a condition on customer_id / partner_id, unqualified) and license
 * type with an entitlement in force on asOf: purchased on asOf, the customer's peak daily total
 * over the window (a day counted as LicenseSummary counts it; 0 without any report) and
 * reclaimable = purchased - peak, never below 0. Two statements (the entitlements in force, the
 * daily totals), whatever the number of customers; ordered by customer, then license type in the
 * contract's order.
 */
export async function reclaimableRows(
  ds: DataSource,
  where: SqlCondition,
  asOf: string,
  windowDays: number,
): Promise<ReclaimableRow[]> {
  const { from, to } = reclaimableWindow(asOf, windowDays);
  const inForce = entitlementsInForceSql(where, asOf);
  const [purchasedRows, totals] = await Promise.all([
    ds.query(
      `SELECT customer_id, license_type, SUM(quantity) AS purchased FROM (${inForce.sql}) e
       GROUP BY customer_id, license_type`,
      inForce.params,
    ) as Promise<Array<{ customer_id: string; license_type: LicenseType; purchased: unknown }>>,
    dailyTotals(ds, 'customer_id', where, from, to),
  ]);
  const peaks = new Map<string, number>();
  for (const row of totals) {
    const k = key(row.ownerId, row.licenseType);
    peaks.set(k, Math.max(peaks.get(k) ?? 0, row.total));
  }
  return purchasedRows
    .map((row) => {
      // SUM comes back as a string from MySQL (DECIMAL).
      const purchased = Number(row.purchased);
      const peak = peaks.get(key(row.customer_id, row.license_type)) ?? 0;
      return {
        customerId: row.customer_id,
        licenseType: row.license_type,
        purchased,
        peak,
        reclaimable: Math.max(0, purchased - peak),
      };
    })
    .sort(
      (a, b) =>
        (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0) ||
        typeOrder(a.licenseType) - typeOrder(b.licenseType),
    );
}

/**
 * Every reclaimable license of each customer matching `where` together, over the default window:
 * the sort key of RECLAIMABLE. Customers with nothing in force are left out (they count 0).
 */
export async function customerReclaimableTotals(
  ds: DataSource,
  where: SqlCondition,
  asOf: string,
): Promise<Map<string, number>> {
  const totals = new Map<string, number>();
  for (const row of await reclaimableRows(ds, where, asOf, DEFAULT_RECLAIMABLE_WINDOW_DAYS)) {
    totals.set(row.customerId, (totals.get(row.customerId) ?? 0) + row.reclaimable);
  }
  return totals;
}
