import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { enumColumn, idColumn, nameColumn } from '../columns';
import { Customer } from '../entities/customer.entity';
import { Partner } from '../entities/partner.entity';
import { User } from '../entities/user.entity';

export enum ReportCadence {
  DAILY = 'DAILY',
  WEEKLY = 'WEEKLY',
  MONTHLY = 'MONTHLY',
}

/**
 * A usage report e-mailed after each period. The scope is a partner (customer_id NULL) or one
 * customer; partner_id is always set (for a customer, its partner as stored), so that reading a
 * partner's schedules is one indexed predicate. The report's filter and grouping are kept as the
 * client wrote them (JSON and a comma list) and checked again when the report is built.
 * next_run_at is when the period after the last delivered one ends; the scheduler advances it.
 * stopped_at is set when the owner lost the right to administer the scope: nothing runs after.
 */
@Entity('report_schedules')
@Index('idx_report_schedules_partner', ['partnerId'])
@Index('idx_report_schedules_customer', ['customerId'])
@Index('idx_report_schedules_next_run', ['nextRunAt'])
export class ReportSchedule {
  @PrimaryColumn(idColumn('id'))
  id!: string;

  @Column(nameColumn())
  name!: string;

  @Column(idColumn('owner_id'))
  ownerId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'owner_id' })
  owner?: Relation<User>;

  @Column(idColumn('partner_id'))
  partnerId!: string;

  @ManyToOne(() => Partner, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'partner_id' })
  partner?: Relation<Partner>;

  @Column({ ...idColumn('customer_id'), nullable: true })
  customerId!: string | null;

  @ManyToOne(() => Customer, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<Customer>;

  /** ScheduledReportFilterInput as JSON: customerIds, subscriptionIds, regions, licenseTypes. */
  @Column({ name: 'filter', type: 'text' })
  filter!: string;

  /** UsageDimension values joined by commas, in the enum's order; may be empty. */
  @Column({ name: 'group_by', type: 'varchar', length: 200 })
  groupBy!: string;

  @Column({ name: 'granularity', type: 'varchar', length: 10 })
  granularity!: string;

  @Column(enumColumn('cadence', ReportCadence))
  cadence!: ReportCadence;

  @Column({ name: 'next_run_at', type: 'datetime', precision: 3 })
  nextRunAt!: Date;

  @Column({ name: 'stopped_at', type: 'datetime', precision: 3, nullable: true })
  stoppedAt!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
