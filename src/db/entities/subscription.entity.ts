import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { dayColumn, enumColumn, idColumn } from '../columns';
import { SubscriptionKind, SubscriptionStatus } from '../enums';
import { Customer } from './customer.entity';

/**
 * A subscription row. Its GraphQL type is `LicenseSubscription` (the name `Subscription` is the
 * GraphQL subscription root's); the table and this entity keep the plain name.
 */
@Entity('subscriptions')
@Index('idx_subscriptions_customer', ['customerId'])
@Index('idx_subscriptions_partner', ['partnerId'])
export class Subscription {
  @PrimaryColumn(idColumn('id'))
  id!: string;

  @Column(idColumn('customer_id'))
  customerId!: string;

  @ManyToOne(() => Customer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<Customer>;

  /** Copied from the customer so that partner scope is a plain indexed predicate. */
  @Column(idColumn('partner_id'))
  partnerId!: string;

  @Column(enumColumn('kind', SubscriptionKind))
  kind!: SubscriptionKind;

  @Column(enumColumn('status', SubscriptionStatus))
  status!: SubscriptionStatus;

  @Column(dayColumn('start_date'))
  startDate!: string;

  @Column({ ...dayColumn('end_date'), nullable: true })
  endDate!: string | null;
}
