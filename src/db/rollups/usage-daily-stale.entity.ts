import { Entity, PrimaryColumn } from 'typeorm';
import { dayColumn, idColumn } from '../columns';

/**
 * The days of a partner whose daily totals (usage_daily_totals) may be wrong and are recomputed
 * from license_usage before a report reads them (rollups/refresh-stale-totals.ts).
 *
 * On MySQL the usage writer learns from the server how many rows of a write it inserted, updated
 * or left unchanged, but not which. When every row is new the totals take the exact difference;
 * otherwise learning each updated row's old value would cost as much again as the write itself,
 * so the writer marks the written (partner, day) pairs here instead, in the same transaction as
 * the rows. A report pays for the recount once; the next write of all-new rows adds to the
 * recounted totals exactly again.
 */
@Entity('usage_daily_stale')
export class UsageDailyStale {
  @PrimaryColumn(idColumn('partner_id'))
  partnerId!: string;

  @PrimaryColumn(dayColumn('day'))
  day!: string;
}
