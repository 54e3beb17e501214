import { Column, Entity, PrimaryColumn } from 'typeorm';
import { dayColumn, enumColumn, idColumn } from '../columns';
import { LicenseType } from '../enums';

/**
 * A partner's daily usage per region and license type: the sum of `consumed` over its usage rows
 * of that day, and how many rows that is. Partner-wide reports (subgraphs/usage/report) read
 * their daily totals, and so their peaks, from here instead of from every source's row.
 *
 * Kept exact by the usage writer (src/db/usage/usage-writer.ts), which adds the difference each
 * write makes, and by moves (src/ingest/document/propagate.ts); rebuildUsageRollups recomputes it
 * from license_usage. A group whose rows all went away (a source moved) is deleted, so that a
 * report never shows a group that has no rows.
 */
@Entity('usage_daily_totals')
export class UsageDailyTotal {
  @PrimaryColumn(idColumn('partner_id'))
  partnerId!: string;

  @PrimaryColumn(dayColumn('day'))
  day!: string;

  @PrimaryColumn({ name: 'region', type: 'varchar', length: 32 })
  region!: string;

  @PrimaryColumn(enumColumn('license_type', LicenseType))
  licenseType!: LicenseType;

  // Up to 10 million per row times any number of rows: beyond an INT.
  @Column({ name: 'consumed', type: 'bigint' })
  consumed!: string;

  @Column({ name: 'row_count', type: 'int' })
  rowCount!: number;
}
