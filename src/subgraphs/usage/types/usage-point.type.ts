import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';

// Plain fields read straight from the row (no per-field wrapper): answers hold many of them.
@ObjectType('UsagePoint', {
  simpleResolvers: true,
  description:
    'One bucket of a time series, limited to the days between from and to. A bucket with no ' +
    'report has no point (no invented zeros). Points are ordered by period, then license type.',
})
export class UsagePoint {
  @Field(() => DateScalar, { description: 'First day of the bucket (weeks start on Monday)' })
  period!: string;

  @Field(() => LicenseType)
  licenseType!: LicenseType;

  @Field(() => Int, { description: 'The last daily value in the bucket' })
  consumed!: number;

  @Field(() => Int, { description: 'The highest daily value in the bucket' })
  peak!: number;

  @Field(() => Float, { description: 'Mean of the reported days in the bucket' })
  average!: number;

  @Field(() => Int)
  reportedDays!: number;
}
