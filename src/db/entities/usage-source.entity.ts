import {
  ChildEntity,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  TableInheritance,
} from 'typeorm';
import type { Relation } from 'typeorm';
import { enumColumn, idColumn, nameColumn } from '../columns';
import { SourceType } from '../enums';
import { Subscription } from './subscription.entity';

/**
 * Clusters and tenants share one table: both are sources of usage, their ids share one namespace
 * (a usage record names a source without saying which kind) and most queries span both.
 */
// The kind is TypeORM's discriminator column `source_type` (CLUSTER | TENANT); raw queries read it.
@Entity('usage_sources')
@TableInheritance({ column: enumColumn('source_type', SourceType) })
@Index('idx_usage_sources_subscription', ['subscriptionId'])
@Index('idx_usage_sources_customer', ['customerId'])
@Index('idx_usage_sources_partner', ['partnerId'])
export abstract class UsageSource {
  @PrimaryColumn(idColumn('id'))
  id!: string;

  @Column(idColumn('subscription_id'))
  subscriptionId!: string;

  @ManyToOne(() => Subscription, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'subscription_id' })
  subscription?: Relation<Subscription>;

  @Column(idColumn('customer_id'))
  customerId!: string;

  @Column(idColumn('partner_id'))
  partnerId!: string;

  @Column(nameColumn())
  name!: string;

  @Column({ name: 'region', type: 'varchar', length: 32 })
  region!: string;

  /** When a usage report for this source was last stored (import or ingestion). */
  @Column({
    name: 'last_reported_at',
    type: 'datetime',
    precision: 3,
    nullable: true,
    default: null,
  })
  lastReportedAt!: Date | null;
}

@ChildEntity(SourceType.CLUSTER)
export class Cluster extends UsageSource {}

@ChildEntity(SourceType.TENANT)
export class Tenant extends UsageSource {}
