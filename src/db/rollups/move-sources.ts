import type { EntityManager } from 'typeorm';
import { copyFromParent, chunked, IN_LIST_CHUNK, placeholders } from '../../ingest/sql';
import { isMysql } from '../data-source';
import { DAILY_KEY, addToDailyTotal } from './write-rollups';

// A moved source takes all its usage rows to another subscription, customer, partner or region
// (ingest/document/propagate.ts rewrites their copied columns). The daily totals of the groups it
// leaves lose those rows and those it joins gain them; its week and month values follow it.

const KEY = DAILY_KEY.join(', ');

/** Adds (sign 1) or takes away (sign -1) the usage rows of `sourceIds` to the daily totals. */
async function addToDailyTotals(
  manager: EntityManager,
  sourceIds: readonly string[],
  sign: 1 | -1,
): Promise<void> {
  const mysql = isMysql(manager.connection);
  for (const ids of chunked(sourceIds, IN_LIST_CHUNK)) {
    await manager.query(
      `INSERT INTO usage_daily_totals (${KEY}, consumed, row_count)
       SELECT ${KEY}, ${sign} * SUM(consumed), ${sign} * COUNT(*) FROM license_usage
       WHERE source_id IN (${placeholders(ids.length)})
       GROUP BY ${KEY}
       ${addToDailyTotal(mysql)}`,
      ids,
    );
  }
}

/** Call before the usage rows of `sourceIds` get their new copies. */
export async function takeSourcesOutOfRollups(
  manager: EntityManager,
  sourceIds: readonly string[],
): Promise<void> {
  await addToDailyTotals(manager, sourceIds, -1);
}

/** Call after the usage rows of `sourceIds` got their new copies. */
export async function putSourcesBackIntoRollups(
  manager: EntityManager,
  sourceIds: readonly string[],
): Promise<void> {
  await addToDailyTotals(manager, sourceIds, 1);
  await manager.query('DELETE FROM usage_daily_totals WHERE row_count = 0');
  await copyFromParent(manager, {
    table: 'usage_bucket_last',
    parentTable: 'usage_sources',
    parentIdColumn: 'source_id',
    columns: ['subscription_id', 'customer_id', 'partner_id', 'region'],
    whereColumn: 'source_id',
    ids: sourceIds,
  });
}
