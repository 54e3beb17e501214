import { Field, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';

@ObjectType('Entitlement', {
  description: 'Licenses purchased, in force from startDate to endDate (both included)',
})
export class Entitlement {
  @Field(() => LicenseType)
  licenseType!: LicenseType;

  @Field(() => Int)
  quantity!: number;

  @Field(() => DateScalar)
  startDate!: string;

  @Field(() => DateScalar, { nullable: true, description: 'None: open-ended' })
  endDate!: string | null;

  subscriptionId!: string;
}
