import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { Relation } from 'typeorm';
import { idColumn } from '../columns';
import { User } from '../entities/user.entity';
import { ReportSchedule } from './report-schedule.entity';

/** Who a schedule mails. Whether each may still read the scope is checked at every delivery. */
@Entity('report_recipients')
export class ReportRecipient {
  @PrimaryColumn(idColumn('schedule_id'))
  scheduleId!: string;

  @ManyToOne(() => ReportSchedule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schedule_id' })
  schedule?: Relation<ReportSchedule>;

  @PrimaryColumn(idColumn('user_id'))
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;
}
