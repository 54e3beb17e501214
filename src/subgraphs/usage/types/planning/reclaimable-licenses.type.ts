import { Field, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../../graphql/enums';
import { DateScalar } from '../../../../graphql/scalars';
import { UsageSource } from '../usage-source.type';

@ObjectType('ReclaimableLicenses', {
  description:
    'Licenses bought but unused over the window that ends on asOf: what could be reclaimed or ' +
    'not renewed. Listed for every license type with an entitlement in force on asOf. README, ' +
    'Reclaimable licenses.',
})
export class ReclaimableLicenses {
  @Field(() => LicenseType)
  licenseType!: LicenseType;

  @Field(() => Int, { description: 'In force on asOf' })
  purchased!: number;

  @Field(() => Int, {
    description:
      "Highest of the customer's daily consumed over the window (as LicenseSummary counts a " +
      'day: each source at its latest snapshot); 0 when nothing was reported',
  })
  peak!: number;

  @Field(() => Int, { description: 'purchased - peak, never below 0' })
  reclaimable!: number;

  @Field(() => [UsageSource], {
    description: 'Sources that reported this type over the window, and only 0',
  })
  idleSources!: UsageSource[];

  @Field(() => Int)
  windowDays!: number;

  @Field(() => DateScalar)
  asOf!: string;
}
