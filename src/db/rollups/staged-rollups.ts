import type { EntityManager } from 'typeorm';
import { bucketStartSql } from '../day-buckets';
import type { UsageWriteCounts } from '../usage/usage-row';
import { RollupBucket } from './usage-bucket-last.entity';
import { DAILY_KEY, LAST_COLUMNS, MYSQL_LAST, addToDailyTotal } from './write-rollups';

// MySQL: the rollups of rows just merged from a staging table (usage/staging-mysql.ts), written
// from that table in a fixed number of statements whatever the number of rows, with the same
// rules as write-rollups.ts applies to rows held in memory:
// - every row new: the daily totals take the exact sums of the staged rows;
// - any row rewritten: which ones, and what they held, the merge does not say, so the partners'
//   staged days are marked stale (usage-daily-stale.entity.ts) and recounted before a report;
// - each source's week and month keep the value of their latest day (the later day wins).
// Nothing is written when no row changed.

const KEY = DAILY_KEY.join(', ');

async function addDailySums(manager: EntityManager, staging: string): Promise<void> {
  await manager.query(
    `INSERT INTO usage_daily_totals (${KEY}, consumed, row_count)
     SELECT ${KEY}, SUM(consumed), COUNT(*) FROM ${staging}
     GROUP BY ${KEY}
     ${addToDailyTotal(true)}`,
  );
}

async function markStagedDaysStale(manager: EntityManager, staging: string): Promise<void> {
  await manager.query(
    `INSERT INTO usage_daily_stale (partner_id, day)
     SELECT DISTINCT partner_id, day FROM ${staging}
     ON DUPLICATE KEY UPDATE day = VALUES(day)`,
  );
}

/**
 * Per source, license type and bucket: the staged row of the latest day, found in one grouping
 * pass (a ROW_NUMBER() window sorted each group and took half again as long on the bench): the
 * latest day's count is the tail of the greatest 'YYYY-MM-DDcount'. The source's columns are the
 * same on every row of a write (the writer copies them from the source), so any row's will do.
 */
async function keepLastValues(
  manager: EntityManager,
  staging: string,
  bucket: RollupBucket,
): Promise<void> {
  const period = bucketStartSql(manager.connection, bucket, 'day');
  // The derived table's names differ from the target's, so that MYSQL_LAST's names can only
  // mean the row in usage_bucket_last.
  await manager.query(
    `INSERT INTO usage_bucket_last (${LAST_COLUMNS.join(', ')})
     SELECT s_source, s_type, ?, s_period, s_day, s_consumed, s_customer, s_partner,
            s_subscription, s_region
     FROM (SELECT source_id AS s_source, license_type AS s_type, ${period} AS s_period,
             MAX(day) AS s_day, CAST(SUBSTRING(MAX(CONCAT(day, consumed)), 11) AS SIGNED) AS s_consumed,
             MAX(customer_id) AS s_customer, MAX(partner_id) AS s_partner,
             MAX(subscription_id) AS s_subscription, MAX(region) AS s_region
           FROM ${staging}
           GROUP BY source_id, license_type, s_period) latest
     ${MYSQL_LAST}`,
    [bucket],
  );
}

async function touchStagedSources(
  manager: EntityManager,
  staging: string,
  at: Date,
): Promise<void> {
  await manager.query(
    `UPDATE usage_sources SET last_reported_at = ?
     WHERE id IN (SELECT source_id FROM ${staging})`,
    [at],
  );
}

/**
 * After a merge from `staging` that counted `counts`: the rollups and the sources' last report.
 * In the merge's transaction, on the same connection.
 */
export async function rollUpStaged(
  manager: EntityManager,
  staging: string,
  counts: UsageWriteCounts,
  reportedAt: Date,
): Promise<void> {
  const total = counts.inserted + counts.updated + counts.unchanged;
  if (counts.inserted + counts.updated === 0) return;
  if (counts.inserted === total) await addDailySums(manager, staging);
  else await markStagedDaysStale(manager, staging);
  await keepLastValues(manager, staging, RollupBucket.WEEK);
  await keepLastValues(manager, staging, RollupBucket.MONTH);
  await touchStagedSources(manager, staging, reportedAt);
}
