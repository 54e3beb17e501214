import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';

@ObjectType('RegionUsage', {
  description:
    "One region and license type of a customer on asOf, from each source's latest snapshot on " +
    'or before asOf. Ordered by region, then license type.',
})
export class RegionUsage {
  @Field()
  region!: string;

  @Field(() => LicenseType)
  licenseType!: LicenseType;

  @Field(() => Int, { description: "Sum over the region's sources of their latest snapshot" })
  consumed!: number;

  @Field(() => Int, {
    description: 'Clusters + tenants in the region with this license type reported',
  })
  sources!: number;

  @Field(() => Int, { description: 'Of those, how many report 0 consumed' })
  idleSources!: number;

  @Field(() => Float, {
    nullable: true,
    description: "consumed / the customer's consumed for this license type; null when that is 0",
  })
  shareOfCustomer!: number | null;

  @Field(() => DateScalar)
  asOf!: string;

  @Field(() => DateScalar, { description: 'The oldest snapshot day that went into consumed' })
  oldestReportOn!: string;
}
