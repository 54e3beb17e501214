import { Field, ID, InputType } from 'type-graphql';
import { Granularity, LicenseType, ReportCadence, UsageDimension } from '../../../../graphql/enums';

@InputType('ScheduledReportFilterInput')
export class ScheduledReportFilterInput {
  @Field(() => [ID], { nullable: true })
  customerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  subscriptionIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => [LicenseType], { nullable: true })
  licenseTypes?: LicenseType[] | null;
}

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

  @Field(() => ScheduledReportFilterInput, { nullable: true })
  filter?: ScheduledReportFilterInput | null;

  @Field(() => [UsageDimension])
  groupBy!: UsageDimension[];

  @Field(() => Granularity, { defaultValue: Granularity.DAY })
  granularity!: Granularity;

  @Field(() => ReportCadence)
  cadence!: ReportCadence;

  @Field(() => [ID])
  recipientIds!: string[];
}
