import type { DataSource, EntityManager } from 'typeorm';
import { inTransaction } from '../../ingest/transaction';
import { isMysql } from '../data-source';
import { inList } from '../scope-condition';
import type { SqlCondition } from '../scope-condition';

// Recounts the daily totals of the stale days (usage-daily-stale.entity.ts) that a read is about
// to use, from license_usage, and clears their marks: all in one transaction, in a fixed number
// of statements whatever the number of days.
//
// On MySQL the marks are locked first (FOR UPDATE, which also holds off new marks in the range),
// and INSERT … SELECT reads license_usage with shared locks under REPEATABLE READ: a writer still
// at work on those days is waited for, and its rows are counted once it commits. A writer that
// comes after waits for this transaction and then adds to the recounted totals, or marks the day
// stale again. Where a writer and this transaction wait for each other, MySQL rolls one back and
// inTransaction runs it again. SQLite runs one write transaction at a time.

function staleCondition(partnerIds: readonly string[], from: string, to: string, prefix: string) {
  return {
    sql: `${prefix}partner_id IN ${inList(partnerIds)} AND ${prefix}day >= ? AND ${prefix}day <= ?`,
    params: [...partnerIds, from, to],
  } satisfies SqlCondition;
}

async function recount(
  manager: EntityManager,
  partnerIds: readonly string[],
  from: string,
  to: string,
): Promise<number> {
  const mysql = isMysql(manager.connection);
  const stale = staleCondition(partnerIds, from, to, '');
  const marked: unknown[] = await manager.query(
    `SELECT partner_id, day FROM usage_daily_stale WHERE ${stale.sql}${mysql ? ' FOR UPDATE' : ''}`,
    stale.params,
  );
  if (marked.length === 0) return 0;
  await manager.query(
    `DELETE FROM usage_daily_totals WHERE ${stale.sql}
       AND (partner_id, day) IN (SELECT partner_id, day FROM usage_daily_stale WHERE ${stale.sql})`,
    [...stale.params, ...stale.params],
  );
  // The marks first, then each day's rows through license_usage's (partner_id, day) index.
  const join = mysql ? 'STRAIGHT_JOIN' : 'CROSS JOIN';
  const marks = staleCondition(partnerIds, from, to, 's.');
  await manager.query(
    `INSERT INTO usage_daily_totals (partner_id, day, region, license_type, consumed, row_count)
     SELECT u.partner_id, u.day, u.region, u.license_type, SUM(u.consumed), COUNT(*)
     FROM usage_daily_stale s ${join} license_usage u ON u.partner_id = s.partner_id AND u.day = s.day
     WHERE ${marks.sql}
     GROUP BY u.partner_id, u.day, u.region, u.license_type`,
    marks.params,
  );
  await manager.query(`DELETE FROM usage_daily_stale WHERE ${stale.sql}`, stale.params);
  return marked.length;
}

/**
 * Makes the daily totals of `partnerIds` on the days from `from` to `to` (inclusive,
 * 'YYYY-MM-DD') exact before they are read. Costs one statement when none of them is stale.
 * Returns the number of days recounted.
 */
export async function refreshStaleDailyTotals(
  ds: DataSource,
  partnerIds: readonly string[],
  from: string,
  to: string,
): Promise<number> {
  if (partnerIds.length === 0) return 0;
  const stale = staleCondition(partnerIds, from, to, '');
  const any: unknown[] = await ds.query(
    `SELECT 1 AS stale FROM usage_daily_stale WHERE ${stale.sql} LIMIT 1`,
    stale.params,
  );
  if (any.length === 0) return 0;
  return inTransaction(ds, (manager) => recount(manager, partnerIds, from, to));
}
