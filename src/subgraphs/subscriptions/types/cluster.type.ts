import { Directive, ObjectType } from 'type-graphql';
import { UsageSource } from './usage-source.type';

/** `servers` is added by the cluster resolver. */
@Directive('@key(fields: "id")')
@ObjectType('Cluster', {
  implements: UsageSource,
  description: 'A Dedicated Instance cluster, in one region, with its servers',
})
export class Cluster extends UsageSource {}
