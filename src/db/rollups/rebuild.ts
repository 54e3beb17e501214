import type { EntityManager } from 'typeorm';
import { bucketStartSql } from '../day-buckets';
import { RollupBucket } from './usage-bucket-last.entity';

// Recomputes the rollups from license_usage, in SQL. The usage writer keeps them current as it
// goes; this is for a database whose rollups were never kept (the migration that adds them, an
// embedded database from before them) and for tests that compare the kept rollups with the truth.

/** Replaces the contents of both rollup tables with what license_usage says. */
export async function rebuildUsageRollups(manager: EntityManager): Promise<void> {
  const ds = manager.connection;
  // SQLite parses `INSERT … SELECT … ON CONFLICT` ambiguously without a WHERE; none is needed here.
  await manager.query('DELETE FROM usage_daily_totals');
  await manager.query(
    `INSERT INTO usage_daily_totals (partner_id, day, region, license_type, consumed, row_count)
     SELECT partner_id, day, region, license_type, SUM(consumed), COUNT(*)
     FROM license_usage GROUP BY partner_id, day, region, license_type`,
  );
  await manager.query('DELETE FROM usage_bucket_last');
  for (const bucket of [RollupBucket.WEEK, RollupBucket.MONTH]) {
    const period = bucketStartSql(ds, bucket, 'day');
    // The last day of each bucket, then that day's row: the primary key finds it.
    await manager.query(
      `INSERT INTO usage_bucket_last (source_id, license_type, bucket, period, last_day, consumed,
                                      customer_id, partner_id, subscription_id, region)
       SELECT m.source_id, m.license_type, ?, m.period, m.last_day, u.consumed,
              u.customer_id, u.partner_id, u.subscription_id, u.region
       FROM (SELECT source_id, license_type, ${period} AS period, MAX(day) AS last_day
             FROM license_usage GROUP BY source_id, license_type, ${period}) m
       JOIN license_usage u
         ON u.source_id = m.source_id AND u.license_type = m.license_type AND u.day = m.last_day`,
      [bucket],
    );
  }
}
