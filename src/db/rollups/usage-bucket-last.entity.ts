import { Column, Entity, PrimaryColumn } from 'typeorm';
import { dayColumn, enumColumn, idColumn } from '../columns';
import { LicenseType } from '../enums';

/** The buckets a source's last value is kept for; a DAY bucket's last value is the row itself. */
export enum RollupBucket {
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/**
 * Each source's last reported value of a license type in each week (from Monday) and month:
 * `consumed` of the row on `last_day`, the latest day of the bucket it reported. Reports by week
 * or month sum these instead of reading every day of every source (subgraphs/usage/report).
 *
 * Rows of license_usage are never deleted, so the last day of a bucket only ever moves forward:
 * the usage writer keeps this table with an upsert that takes the later day (or the same day's new
 * value), in any order of writes. The customer, partner, subscription and region are copied from
 * the source like those of license_usage, and follow a moved source the same way.
 *
 * No secondary index: reports reach a partner's or customer's rows through its sources and this
 * primary key (subgraphs/usage/report/sql/sources-first.ts), and every write here stays one
 * B-tree change. The key puts the bucket and its first day before the license type, so that
 * a range of months (or weeks) of a source is one range of the key.
 */
@Entity('usage_bucket_last')
export class UsageBucketLast {
  @PrimaryColumn(idColumn('source_id'))
  sourceId!: string;

  @PrimaryColumn(enumColumn('bucket', RollupBucket))
  bucket!: RollupBucket;

  /** The bucket's first day. */
  @PrimaryColumn(dayColumn('period'))
  period!: string;

  @PrimaryColumn(enumColumn('license_type', LicenseType))
  licenseType!: LicenseType;

  @Column(dayColumn('last_day'))
  lastDay!: string;

  @Column({ name: 'consumed', type: 'int' })
  consumed!: number;

  @Column(idColumn('customer_id'))
  customerId!: string;

  @Column(idColumn('partner_id'))
  partnerId!: string;

  @Column(idColumn('subscription_id'))
  subscriptionId!: string;

  @Column({ name: 'region', type: 'varchar', length: 32 })
  region!: string;
}
