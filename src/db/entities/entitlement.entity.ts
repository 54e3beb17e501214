import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { dayColumn, enumColumn, idColumn } from '../columns';
import { LicenseType } from '../enums';
import { Subscription } from './subscription.entity';

/** Licenses purchased under a subscription, in force from startDate to endDate, both included. */
@Entity('entitlements')
@Index('uq_entitlements_natural', ['subscriptionId', 'licenseType', 'startDate'], { unique: true })
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

  @Column(enumColumn('license_type', LicenseType))
  licenseType!: LicenseType;

  @Column({ name: 'quantity', type: 'int' })
  quantity!: number;

  @Column(dayColumn('start_date'))
  startDate!: string;

  @Column({ ...dayColumn('end_date'), nullable: true })
  endDate!: string | null;
}
