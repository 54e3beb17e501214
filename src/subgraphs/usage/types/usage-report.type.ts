import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';

// Plain fields read straight from the row (no per-field wrapper): answers hold many of them.
@ObjectType('UsageReportRow', {
  simpleResolvers: true,
  description:
    'One group in one bucket. A dimension the grouping does not determine is null; grouping by ' +
    'SOURCE also sets its subscription, customer and region, by SUBSCRIPTION its customer.',
})
export class UsageReportRow {
  @Field(() => DateScalar, { description: 'First day of the bucket (weeks start on Monday)' })
  period!: string;

  @Field(() => ID, { nullable: true, description: 'Set when grouped by CUSTOMER (or finer)' })
  customerId!: string | null;

  @Field(() => ID, { nullable: true })
  subscriptionId!: string | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => ID, { nullable: true })
  sourceId!: string | null;

  @Field(() => LicenseType, { nullable: true })
  licenseType!: LicenseType | null;

  @Field(() => Int, {
    description:
      "Sum over the group of each source's last value in the bucket (per license type), " +
      'limited to the days between from and to',
  })
  consumed!: number;

  @Field(() => Int, { description: 'Highest daily total of the group in the bucket' })
  peak!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'Entitlements in force on the last day of the bucket (or on to) of the subscriptions in ' +
      'the group. Set only when the grouping determines it: grouped by LICENSE_TYPE and not by ' +
      'REGION or SOURCE, and no regions filter',
  })
  purchased!: number | null;
}

@ObjectType('UsageReport')
export class UsageReport {
  @Field(() => [UsageReportRow], {
    description: 'Ordered by period, customer, subscription, region, source, license type',
  })
  rows!: UsageReportRow[];

  @Field(() => Date)
  generatedAt!: Date;
}
