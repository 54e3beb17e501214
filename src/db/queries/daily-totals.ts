import type { DataSource } from 'typeorm';
import { addDays } from '../../days';
import type { LicenseType } from '../enums';
import type { SqlCondition } from '../sql/scope-condition';
import { latestSnapshotsSql, sourceLicensePairsSql } from './latest-snapshots';

/** Whose totals: per subscription, or per customer (all its subscriptions together). */
export type TotalsOwner = 'subscription_id' | 'customer_id';

/** An owner's total of a license type on a day its total may have changed. */
export interface DailyTotalRow {
  ownerId: string;
  licenseType: LicenseType;
  day: string;
  total: number;
}

interface Snapshot {
  owner_id: string;
  source_id: string;
  license_type: LicenseType;
  day: string;
  consumed: number | string;
}

/**
 * The snapshots the daily totals of [from, to] are made of: each source's last one before `from`
 * (one backwards seek per source and type) and every one in the window, read per source and type
 * along the primary key (sourceLicensePairsSql). `where` is a condition on the source,
 * unqualified (customer_id, partner_id, subscription_id, region, source_type, license_type), as
 * in latestSnapshotsSql: the sources' current values.
 */
function snapshotsSql(
  owner: TotalsOwner,
  where: SqlCondition,
  from: string,
  to: string,
): SqlCondition {
  const before = latestSnapshotsSql(where, addDays(from, -1));
  const pairs = sourceLicensePairsSql(where);
  return {
    sql: `SELECT ${owner} AS owner_id, source_id, license_type, day, consumed
          FROM (${before.sql}) level_before
          UNION ALL
          SELECT pair.${owner}, pair.source_id, pair.license_type, lu.day, lu.consumed
          FROM (${pairs.sql}) pair
          JOIN license_usage lu
            ON lu.source_id = pair.source_id AND lu.license_type = pair.license_type
           AND lu.day >= ? AND lu.day <= ?`,
    params: [...before.params, ...pairs.params, from, to],
  };
}

const pairKey = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * Folds snapshots into totals: each source's snapshot becomes the change from its previous one
 * (the level before the window lands on `from`), the changes are summed per owner, type and day,
 * and their running sum is the total. Between two days listed the total stands still.
 */
export function foldDailyTotals(snapshots: readonly Snapshot[], from: string): DailyTotalRow[] {
  const bySource = new Map<string, Snapshot[]>();
  for (const row of snapshots) {
    const k = pairKey(row.source_id, row.license_type);
    const list = bySource.get(k);
    if (list) list.push(row);
    else bySource.set(k, [row]);
  }
  const changes = new Map<string, Map<string, number>>();
  for (const rows of bySource.values()) {
    rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
    let previous = 0;
    for (const row of rows) {
      const consumed = Number(row.consumed);
      const k = pairKey(row.owner_id, row.license_type);
      let days = changes.get(k);
      if (!days) changes.set(k, (days = new Map()));
      const day = row.day < from ? from : row.day;
      days.set(day, (days.get(day) ?? 0) + consumed - previous);
      previous = consumed;
    }
  }
  const totals: DailyTotalRow[] = [];
  for (const [k, days] of changes) {
    const [ownerId, licenseType] = k.split('\u0000') as [string, LicenseType];
    let total = 0;
    for (const day of [...days.keys()].sort()) {
      total += days.get(day)!;
      totals.push({ ownerId, licenseType, day, total });
    }
  }
  return totals;
}

/**
 * An owner's daily totals of each license type over [from, to], counted as LicenseSummary counts
 * a day: the sum over its sources of each one's latest snapshot on or before the day. One row per
 * day the total may have changed: `from` itself when a source had reported before it (the level
 * the window starts at), and every day some source reported in the window; in days' order per
 * owner and type. One statement; the fold runs here because databases sort and spill the window
 * functions it would take (LAG per source, a running SUM per owner) over a partner's rows: on the
 * bench seed MariaDB took ten times as long as reading the rows.
 */
export async function dailyTotals(
  ds: DataSource,
  owner: TotalsOwner,
  where: SqlCondition,
  from: string,
  to: string,
): Promise<DailyTotalRow[]> {
  const query = snapshotsSql(owner, where, from, to);
  const rows: Snapshot[] = await ds.query(query.sql, query.params);
  return foldDailyTotals(rows, from);
}
