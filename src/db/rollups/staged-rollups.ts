import type { EntityManager } from 'typeorm';
import { bucketStartSql } from '../day-buckets';
import type { UsageRow, UsageWriteCounts } from '../usage/usage-row';
import { bucketStart } from './bucket-start';
import { RollupChanges } from './rollup-changes';
import type { StaleDay } from './rollup-changes';
import { RollupBucket } from './usage-bucket-last.entity';
import { LAST_COLUMNS, MYSQL_LAST, applyDailyDeltas, markStaleDays } from './write-rollups';

// MySQL: the rollups of rows just merged from a staging table (usage/staging-mysql.ts), with the
// same rules as write-rollups.ts applies to rows held in memory:
// - every row new: the daily totals take the exact sums of the rows;
// - any row rewritten: which ones, and what they held, the merge does not say, so the partners'
//   days of the rows are marked stale (usage-daily-stale.entity.ts) and recounted before a report;
// - each source's week and month keep the value of their latest day (the later day wins).
// Nothing is written when no row changed.
//
// The week and month values, about one for every three rows, go from the staging table to
// usage_bucket_last in one statement: which staged row is the latest of its week or month is
// worked out here while the rows are staged (`lastOfBuckets`) and staged with them, since a
// grouping or a window over the staging table took the server about as long as the merge itself.
// Daily totals and stale marks are a few hundred rows, summed here.

const BUCKET_BITS: ReadonlyArray<[RollupBucket, number]> = [
  [RollupBucket.WEEK, 1],
  [RollupBucket.MONTH, 2],
];

/**
 * Per row: bit 1 when no other row of its source and license type is later in its week, bit 2
 * the same for its month. Keys of `rows` are distinct.
 */
export function lastOfBuckets(rows: readonly UsageRow[]): Uint8Array {
  const marks = new Uint8Array(rows.length);
  for (const [bucket, bit] of BUCKET_BITS) {
    const latest = new Map<string, number>();
    rows.forEach((row, i) => {
      const key = `${bucketStart(row.day, bucket)}\u0000${row.sourceId}\u0000${row.licenseType}`;
      const held = latest.get(key);
      if (held === undefined || rows[held].day < row.day) latest.set(key, i);
    });
    for (const i of latest.values()) marks[i] |= bit;
  }
  return marks;
}

/** The staged rows marked latest of their week or month, into usage_bucket_last. */
async function keepLastValues(manager: EntityManager, staging: string): Promise<void> {
  const ds = manager.connection;
  const period = `CASE b.bucket WHEN 'WEEK' THEN ${bucketStartSql(ds, 'WEEK', 's.day')}
                  ELSE ${bucketStartSql(ds, 'MONTH', 's.day')} END`;
  const buckets = BUCKET_BITS.map(() => 'SELECT ? AS bucket, ? AS bit').join(' UNION ALL ');
  // The derived table's names differ from the target's, so that MYSQL_LAST's names can only
  // mean the row in usage_bucket_last.
  await manager.query(
    `INSERT INTO usage_bucket_last (${LAST_COLUMNS.join(', ')})
     SELECT s_source, s_type, s_bucket, s_period, s_day, s_consumed, s_customer, s_partner,
            s_subscription, s_region
     FROM (SELECT s.source_id AS s_source, s.license_type AS s_type, b.bucket AS s_bucket,
             ${period} AS s_period, s.day AS s_day, s.consumed AS s_consumed,
             s.customer_id AS s_customer, s.partner_id AS s_partner,
             s.subscription_id AS s_subscription, s.region AS s_region
           FROM ${staging} s JOIN (${buckets}) b ON (s.last_of & b.bit) <> 0) latest
     ${MYSQL_LAST}`,
    BUCKET_BITS.flat(),
  );
}

function staleDaysOf(rows: readonly UsageRow[]): StaleDay[] {
  const days = new Map<string, StaleDay>();
  for (const { partnerId, day } of rows) days.set(`${partnerId}\u0000${day}`, { partnerId, day });
  return [...days.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, d]) => d);
}

/**
 * After `rows` were merged from `staging` (with their `lastOfBuckets` marks) and the merge
 * counted `counts`: the rollups. In the merge's transaction, on the same connection.
 */
export async function rollUpStaged(
  manager: EntityManager,
  staging: string,
  rows: readonly UsageRow[],
  counts: UsageWriteCounts,
): Promise<void> {
  if (counts.inserted + counts.updated === 0) return;
  if (counts.inserted === rows.length) {
    const sums = new RollupChanges();
    for (const row of rows) sums.addToDailyOnly(row);
    await applyDailyDeltas(manager, sums.dailyDeltas());
  } else {
    await markStaleDays(manager, staleDaysOf(rows));
  }
  await keepLastValues(manager, staging);
}
