import type { DataSource } from 'typeorm';
import { addDays } from '../../days';
import type { LicenseType } from '../enums';
import type { SqlCondition } from '../sql/scope-condition';
import { latestSnapshotsSql } from './latest-snapshots';

/** Whose totals: per subscription, or per customer (all its subscriptions together). */
export type TotalsOwner = 'subscription_id' | 'customer_id';

/**
 * An owner's daily totals of each license type over [from, to], counted as LicenseSummary counts
 * a day: the sum over its sources of each one's latest snapshot on or before the day. One row per
 * day the total may have changed: `from` itself when a source had reported before it (the level
 * the window starts at), and every day some source reported in the window. Between two rows the
 * total stands still.
 *
 * `where` is a condition on the source, unqualified (customer_id, partner_id, subscription_id,
 * region, source_type, license_type), as in latestSnapshotsSql: it holds for license_usage's
 * copies of the source's columns as well as for usage_sources.
 *
 * How: every snapshot in the window and each source's last one before it become the change from
 * the source's previous snapshot (LAG); the changes are summed per owner, type and day, and their
 * running sum is the total. So the cost follows the rows of the window (and one index seek per
 * source and type for the level before it), never the days without reports.
 *
 * Columns: owner_id, license_type, day, total.
 */
export function dailyTotalsSql(
  owner: TotalsOwner,
  where: SqlCondition,
  from: string,
  to: string,
): SqlCondition {
  const before = latestSnapshotsSql(where, addDays(from, -1));
  return {
    sql: `SELECT owner_id, license_type, change_day AS day,
                 SUM(change_of_day) OVER (PARTITION BY owner_id, license_type ORDER BY change_day
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS total
          FROM (SELECT owner_id, license_type, change_day, SUM(delta) AS change_of_day
                FROM (SELECT ${owner} AS owner_id, license_type,
                             CASE WHEN day < ? THEN ? ELSE day END AS change_day,
                             consumed - COALESCE(LAG(consumed) OVER (
                               PARTITION BY source_id, license_type ORDER BY day), 0) AS delta
                      FROM (SELECT source_id, license_type, day, consumed, ${owner}
                            FROM (${before.sql}) level_before
                            UNION ALL
                            SELECT source_id, license_type, day, consumed, ${owner}
                            FROM license_usage
                            WHERE ${where.sql} AND day >= ? AND day <= ?) snapshots) changes
                GROUP BY owner_id, license_type, change_day) days`,
    params: [from, from, ...before.params, ...where.params, from, to],
  };
}

export interface DailyTotalRow {
  ownerId: string;
  licenseType: LicenseType;
  day: string;
  total: number;
}

/** Runs dailyTotalsSql, in the order owner, license type, day. */
export async function dailyTotals(
  ds: DataSource,
  owner: TotalsOwner,
  where: SqlCondition,
  from: string,
  to: string,
): Promise<DailyTotalRow[]> {
  const totals = dailyTotalsSql(owner, where, from, to);
  const rows: Array<{ owner_id: string; license_type: LicenseType; day: string; total: unknown }> =
    await ds.query(`${totals.sql} ORDER BY owner_id, license_type, day`, totals.params);
  // SUM comes back as a string from MySQL (DECIMAL).
  return rows.map((row) => ({
    ownerId: row.owner_id,
    licenseType: row.license_type,
    day: row.day,
    total: Number(row.total),
  }));
}
