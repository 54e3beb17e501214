import { Directive, ObjectType } from 'type-graphql';
import { UsageSource } from './usage-source.type';

@Directive('@key(fields: "id")')
@ObjectType('Tenant', { implements: UsageSource })
export class Tenant extends UsageSource {}
