import { Field, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';

@ObjectType('UsageSnapshot', {
  description:
    'The latest reported consumption of one license type on one source, on or before asOf',
})
export class UsageSnapshot {
  @Field(() => LicenseType)
  licenseType!: LicenseType;

  @Field(() => Int)
  consumed!: number;

  @Field(() => DateScalar, {
    description: 'The day of the snapshot used (data age is visible, never hidden)',
  })
  reportedOn!: string;
}
