import { Field, ID, InterfaceType } from 'type-graphql';
import { SourceType } from '../../../db/enums';
import { LicenseSubscription } from './license-subscription.type';

/**
 * A cluster or a tenant: what collectors report usage for. The usage subgraph adds the usage
 * fields to this interface and to both implementations; composition merges the two.
 */
@InterfaceType('UsageSource', {
  resolveType: (source: UsageSource) =>
    source.sourceType === SourceType.CLUSTER ? 'Cluster' : 'Tenant',
})
export abstract class UsageSource {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  region!: string;

  /** Resolved by each implementation's resolver from subscriptionId. */
  @Field(() => LicenseSubscription)
  subscription?: LicenseSubscription;

  sourceType!: SourceType;
  subscriptionId!: string;
}
