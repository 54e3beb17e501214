import { Field, ID, InputType } from 'type-graphql';
import { Granularity, ReportCadence, UsageDimension } from '../../../../graphql/enums';
import { ScheduledReportFilter } from './report-filter.type';

@InputType('CreateReportScheduleInput', {
  description: 'Exactly one of partnerId and customerId names the scope.',
})
export class CreateReportScheduleInput {
  @Field()
  name!: string;

  @Field(() => ID, { nullable: true })
  partnerId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => ScheduledReportFilter, { nullable: true })
  filter?: ScheduledReportFilter | null;

  @Field(() => [UsageDimension])
  groupBy!: UsageDimension[];

  @Field(() => Granularity, { defaultValue: Granularity.DAY })
  granularity!: Granularity;

  @Field(() => ReportCadence)
  cadence!: ReportCadence;

  @Field(() => [ID])
  recipientIds!: string[];
}
