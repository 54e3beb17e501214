import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { dayColumn, enumColumn, idColumn } from '../columns';
import { LicenseType, SourceType } from '../enums';
import { UsageSource } from './usage-source.entity';

/**
 * One daily snapshot: how many licenses of one type one source consumed on one day.
 *
 * The primary key (source, license type, day) serves "latest snapshot on or before a day per
 * source" and "a range of days per source". The customer, partner, subscription, region and
 * source type are copied from the source when the row is written, so that scope filters and
 * reports are plain indexed predicates with no join.
 */
@Entity('license_usage')
@Index('idx_license_usage_customer_day', ['customerId', 'day'])
// All sources of a partner for a range of days. Partner-wide reports read the rollups
// (db/rollups) rather than this table.
@Index('idx_license_usage_partner_day', ['partnerId', 'day'])
export class LicenseUsage {
  @PrimaryColumn(idColumn('source_id'))
  sourceId!: string;

  @ManyToOne(() => UsageSource, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'source_id' })
  source?: Relation<UsageSource>;

  @PrimaryColumn(enumColumn('license_type', LicenseType))
  licenseType!: LicenseType;

  @PrimaryColumn(dayColumn('day'))
  day!: string;

  @Column({ name: 'consumed', type: 'int' })
  consumed!: number;

  @Column(enumColumn('source_type', SourceType))
  sourceType!: SourceType;

  @Column(idColumn('customer_id'))
  customerId!: string;

  @Column(idColumn('partner_id'))
  partnerId!: string;

  @Column(idColumn('subscription_id'))
  subscriptionId!: string;

  @Column({ name: 'region', type: 'varchar', length: 32 })
  region!: string;
}
