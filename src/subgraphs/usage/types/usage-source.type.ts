import { Field, ID, InterfaceType } from 'type-graphql';
import { SourceType } from '../../../db/enums';

/**
 * The usage side of a cluster or tenant; the subscriptions subgraph declares the rest of the
 * interface (name, region, subscription) and composition merges the two.
 */
@InterfaceType('UsageSource', {
  description: 'A Dedicated Instance cluster or a tenant',
  // Alerts name their source as { id, sourceType }; the gateway asks the rest by __typename.
  resolveType: (source: UsageSource) =>
    source.sourceType === SourceType.CLUSTER ? 'Cluster' : 'Tenant',
})
export abstract class UsageSource {
  @Field(() => ID)
  id!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'When a report for this source was last stored (import or ingestUsage); null if never',
  })
  lastReportedAt!: Date | null;

  sourceType!: SourceType;
}
