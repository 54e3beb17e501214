import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';

@ObjectType('Entitlement', {
  description:
    'Licenses purchased, in force from startDate to endDate (both included): one order line. A ' +
    'subscription may hold several lines of one license type, even from the same day; what is ' +
    'purchased is the sum of the lines in force',
})
export class Entitlement {
  @Field(() => ID, {
    nullable: true,
    description: 'The order line number given at import (the entitlement id); null when none was',
  })
  line!: string | null;

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
