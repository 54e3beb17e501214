import { Directive, ObjectType } from 'type-graphql';
import { UsageSource } from './usage-source.type';

@Directive('@key(fields: "id")')
@ObjectType('Cluster', { implements: UsageSource })
export class Cluster extends UsageSource {}
