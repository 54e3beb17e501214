import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { dayColumn, enumColumn, idColumn } from '../columns';
import { LicenseType } from '../enums';
import { Subscription } from './subscription.entity';

/**
 * Licenses purchased under a subscription, in force from startDate to endDate, both included: one
 * order line. A subscription may hold several lines of one license type from the same day (a
 * permanent and a seasonal pack); what is purchased on a day is the sum of the lines in force.
 */
@Entity('entitlements')
@Index('idx_entitlements_subscription_type', ['subscriptionId', 'licenseType', 'startDate'])
// Lines without a number (NULL) do not collide: the import matches them by all their fields.
@Index('uq_entitlements_line', ['subscriptionId', 'lineId'], { unique: true })
@Index('idx_entitlements_customer', ['customerId'])
export class Entitlement {
  @PrimaryGeneratedColumn({ name: 'id' })
  id!: number;

  @Column(idColumn('subscription_id'))
  subscriptionId!: string;

  @ManyToOne(() => Subscription, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: Relation<Subscription>;

  @Column(idColumn('customer_id'))
  customerId!: string;

  /** The order line number the import gave (its entitlement `id`), unique in the subscription. */
  @Column({ ...idColumn('line_id'), nullable: true })
  lineId!: string | null;

  @Column(enumColumn('license_type', LicenseType))
  licenseType!: LicenseType;

  @Column({ name: 'quantity', type: 'int' })
  quantity!: number;

  @Column(dayColumn('start_date'))
  startDate!: string;

  @Column({ ...dayColumn('end_date'), nullable: true })
  endDate!: string | null;
}
