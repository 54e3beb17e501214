import type { EntityManager } from 'typeorm';
import { copyFromParent, chunked, IN_LIST_CHUNK, selectWhereIn } from '../sql/bulk';
import { placeholders } from '../sql/placeholders';
import { isMysql } from '../dialect';
import type { LicenseType } from '../enums';
import { RollupChanges } from './rollup-changes';
import { DAILY_KEY, addToDailyTotal, applyDailyDeltas } from './write-rollups';

// A moved source takes all its usage rows to another subscription, customer, partner or region
// (ingest/document/propagate.ts rewrites their copied columns). The daily totals of the groups it
// leaves lose those rows and those it joins gain them; its week and month values follow it.

const KEY = DAILY_KEY.join(', ');

/** Adds the usage rows of `sourceIds` to the daily totals of the groups they are in now. */
async function addToDailyTotals(
  manager: EntityManager,
  sourceIds: readonly string[],
): Promise<void> {
  const mysql = isMysql(manager.connection);
  for (const ids of chunked(sourceIds, IN_LIST_CHUNK)) {
    await manager.query(
      `INSERT INTO usage_daily_totals (${KEY}, consumed, row_count)
       SELECT ${KEY}, SUM(consumed), COUNT(*) FROM license_usage
       WHERE source_id IN (${placeholders(ids.length)})
       GROUP BY ${KEY}
       ${addToDailyTotal(mysql)}`,
      ids,
    );
  }
}

interface GroupSum {
  partner_id: string;
  day: string;
  region: string;
  license_type: LicenseType;
  consumed: number | string;
  row_count: number | string;
}

/**
 * Call before the usage rows of `sourceIds` get their new copies: takes them out of the daily
 * totals of the groups they leave, and deletes the groups left without rows. The groups are
 * read first, so that only they are looked at for emptiness.
 */
export async function takeSourcesOutOfRollups(
  manager: EntityManager,
  sourceIds: readonly string[],
): Promise<void> {
  const sums = await selectWhereIn<GroupSum>(
    manager,
    sourceIds,
    (inList) => `SELECT ${KEY}, SUM(consumed) AS consumed, COUNT(*) AS row_count
      FROM license_usage WHERE source_id IN (${inList}) GROUP BY ${KEY}`,
  );
  // Sources of one group may come in different chunks of ids: RollupChanges adds them up.
  const changes = new RollupChanges();
  for (const sum of sums) {
    const group = {
      partnerId: sum.partner_id,
      day: sum.day,
      region: sum.region,
      licenseType: sum.license_type,
    };
    changes.takeOutOfDaily(group, Number(sum.consumed), Number(sum.row_count));
  }
  await applyDailyDeltas(manager, changes.dailyDeltas());
}

/** Call after the usage rows of `sourceIds` got their new copies. */
export async function putSourcesBackIntoRollups(
  manager: EntityManager,
  sourceIds: readonly string[],
): Promise<void> {
  await addToDailyTotals(manager, sourceIds);
  await copyFromParent(manager, {
    table: 'usage_bucket_last',
    parentTable: 'usage_sources',
    parentIdColumn: 'source_id',
    columns: ['subscription_id', 'customer_id', 'partner_id', 'region'],
    whereColumn: 'source_id',
    ids: sourceIds,
  });
}
