import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../../graphql/enums';

/**
 * The lists a usage report is narrowed by, written once: a schedule's filter as clients send it
 * (ScheduledReportFilterInput) and read it back (ScheduledReportFilter), and the lists of
 * usageReport's UsageReportFilter, which adds the partner and the days.
 */
@ObjectType('ScheduledReportFilter')
@InputType('ScheduledReportFilterInput')
export class ScheduledReportFilter {
  @Field(() => [ID], { nullable: true })
  customerIds?: string[] | null;

  @Field(() => [ID], { nullable: true })
  subscriptionIds?: string[] | null;

  @Field(() => [String], { nullable: true })
  regions?: string[] | null;

  @Field(() => [LicenseType], { nullable: true })
  licenseTypes?: LicenseType[] | null;
}
