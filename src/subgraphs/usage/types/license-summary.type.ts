import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';

@ObjectType('LicenseSummary', {
  description:
    'Purchased against consumed licenses of one type on asOf. Listed for every license type ' +
    'with an entitlement in force or a reported snapshot on or before asOf.',
})
export class LicenseSummary {
  @Field(() => LicenseType)
  licenseType!: LicenseType;

  @Field(() => Int, {
    description: 'Sum of the quantities of the entitlements in force on asOf (both ends included)',
  })
  purchased!: number;

  @Field(() => Int, {
    description: "Sum over sources of each source's latest snapshot on or before asOf",
  })
  consumed!: number;

  @Field(() => Int, { description: 'purchased - consumed, may be negative' })
  available!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'consumed / purchased, null when purchased is 0',
  })
  utilization!: number | null;

  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The oldest snapshot day that went into "consumed"; null when nothing was reported',
  })
  oldestReportOn!: string | null;
}
