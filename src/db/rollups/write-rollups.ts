import type { EntityManager } from 'typeorm';
import { isMysql } from '../dialect';
import { chunked, insertRows, upsertRows } from '../sql/bulk';
import { placeholders } from '../sql/placeholders';
import type { BucketLastValue, DailyTotalDelta, RollupChanges, StaleDay } from './rollup-changes';

// Applies RollupChanges in multi-row statements (db/sql/bulk.ts insertRows). All are upserts that
// commute: daily totals add differences, bucket values keep the later day, stale marks are set.
// So concurrent writers need no coordination beyond the row locks of the statements themselves,
// and the order of writes does not matter.

/** Deletes of emptied daily totals, by key. */
const ROWS_PER_STATEMENT = 1000;

/** The tables derived from license_usage: whoever empties it by hand empties these with it. */
export const ROLLUP_TABLES = [
  'usage_daily_totals',
  'usage_daily_stale',
  'usage_bucket_last',
] as const;

const DAILY_COLUMNS = ['partner_id', 'day', 'region', 'license_type', 'consumed', 'row_count'];
export const DAILY_KEY = ['partner_id', 'day', 'region', 'license_type'];

export const LAST_COLUMNS = [
  'source_id',
  'license_type',
  'bucket',
  'period',
  'last_day',
  'consumed',
  'customer_id',
  'partner_id',
  'subscription_id',
  'region',
];
const LAST_KEY = ['source_id', 'bucket', 'period', 'license_type'];
const COPIED = ['customer_id', 'partner_id', 'subscription_id', 'region'];

/** Adds to a daily total (or starts it): the conflict clause of an upsert into usage_daily_totals. */
export function addToDailyTotal(mysql: boolean): string {
  return mysql
    ? `ON DUPLICATE KEY UPDATE consumed = consumed + VALUES(consumed),
       row_count = row_count + VALUES(row_count)`
    : `ON CONFLICT (${DAILY_KEY.join(', ')}) DO UPDATE SET
       consumed = consumed + excluded.consumed, row_count = row_count + excluded.row_count`;
}
// MySQL evaluates ON DUPLICATE KEY UPDATE assignments left to right, each seeing the ones before
// it: `consumed` must be decided before `last_day` moves. SQLite's SET sees only the old row.
export const MYSQL_LAST = `ON DUPLICATE KEY UPDATE
  consumed = IF(VALUES(last_day) >= last_day, VALUES(consumed), consumed),
  ${COPIED.map((c) => `${c} = VALUES(${c})`).join(', ')},
  last_day = GREATEST(last_day, VALUES(last_day))`;
const SQLITE_LAST = `ON CONFLICT (${LAST_KEY.join(', ')}) DO UPDATE SET
  consumed = CASE WHEN excluded.last_day >= last_day THEN excluded.consumed ELSE consumed END,
  ${COPIED.map((c) => `${c} = excluded.${c}`).join(', ')},
  last_day = MAX(last_day, excluded.last_day)`;

/** Adds the differences to the daily totals, then deletes the groups they left without rows. */
export async function applyDailyDeltas(
  manager: EntityManager,
  deltas: DailyTotalDelta[],
): Promise<void> {
  const mysql = isMysql(manager.connection);
  await insertRows(
    manager,
    'usage_daily_totals',
    DAILY_COLUMNS,
    deltas.map((d) => [d.partnerId, d.day, d.region, d.licenseType, d.consumed, d.rowCount]),
    addToDailyTotal(mysql),
  );
  // Only a row that left its group (its source moved) can empty one.
  const emptied = deltas.filter((d) => d.rowCount < 0);
  const key = `(${placeholders(DAILY_KEY.length)})`;
  for (const chunk of chunked(emptied, ROWS_PER_STATEMENT)) {
    await manager.query(
      `DELETE FROM usage_daily_totals WHERE row_count = 0 AND (${DAILY_KEY.join(', ')}) IN (${
        mysql ? '' : 'VALUES '
      }${new Array<string>(chunk.length).fill(key).join(',')})`,
      chunk.flatMap((d) => [d.partnerId, d.day, d.region, d.licenseType]),
    );
  }
}

async function applyLastValues(manager: EntityManager, values: BucketLastValue[]): Promise<void> {
  await insertRows(
    manager,
    'usage_bucket_last',
    LAST_COLUMNS,
    values.map((v) => [
      v.sourceId,
      v.licenseType,
      v.bucket,
      v.period,
      v.lastDay,
      v.consumed,
      v.customerId,
      v.partnerId,
      v.subscriptionId,
      v.region,
    ]),
    isMysql(manager.connection) ? MYSQL_LAST : SQLITE_LAST,
  );
}

export async function markStaleDays(manager: EntityManager, days: StaleDay[]): Promise<void> {
  const key = ['partner_id', 'day'];
  await upsertRows(
    manager,
    'usage_daily_stale',
    key,
    key,
    days.map((d) => [d.partnerId, d.day]),
  );
}

/** Brings the rollups up to date with usage rows written in the same transaction. */
export async function applyRollupChanges(
  manager: EntityManager,
  changes: RollupChanges,
): Promise<void> {
  if (changes.isEmpty) return;
  // Each writes nothing for an empty list.
  await applyDailyDeltas(manager, changes.dailyDeltas());
  await applyLastValues(manager, changes.lastValues());
  await markStaleDays(manager, changes.staleDays());
}
