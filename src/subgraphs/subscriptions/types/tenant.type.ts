import { Directive, ObjectType } from 'type-graphql';
import { UsageSource } from './usage-source.type';

@Directive('@key(fields: "id")')
@ObjectType('Tenant', {
  implements: UsageSource,
  description: 'A multi-tenant Webex Calling tenant, in one region',
})
export class Tenant extends UsageSource {}
