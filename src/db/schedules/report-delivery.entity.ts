import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { dayColumn, enumColumn, idColumn } from '../columns';
import { ReportSchedule } from './report-schedule.entity';

export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  FAILED = 'FAILED',
}

/**
 * One period of one schedule. The unique key (schedule_id, period_from) is what makes a delivery
 * happen once: whoever inserts the row, or later takes it over (claimed_until in the past), is the
 * only one sending; two workers racing, a retried job and runReportSchedule all meet here.
 * claimed_until: while a sender holds the row; a sender that died leaves it to expire.
 */
@Entity('report_deliveries')
@Index('uq_report_deliveries_period', ['scheduleId', 'periodFrom'], { unique: true })
export class ReportDelivery {
  @PrimaryColumn(idColumn('id'))
  id!: string;

  @Column(idColumn('schedule_id'))
  scheduleId!: string;

  @ManyToOne(() => ReportSchedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: Relation<ReportSchedule>;

  @Column(dayColumn('period_from'))
  periodFrom!: string;

  @Column(dayColumn('period_to'))
  periodTo!: string;

  @Column(enumColumn('status', DeliveryStatus))
  status!: DeliveryStatus;

  @Column({ name: 'attempts', type: 'int' })
  attempts!: number;

  @Column({ name: 'row_count', type: 'int', nullable: true })
  rows!: number | null;

  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'error', type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ name: 'claimed_until', type: 'datetime', precision: 3, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
