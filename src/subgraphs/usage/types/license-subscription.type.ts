import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The subscriptions subgraph's entity; this subgraph adds its usage numbers (licenseSummary). */
@Directive('@key(fields: "id")')
@ObjectType('LicenseSubscription')
export class LicenseSubscription {
  @Field(() => ID)
  id!: string;
}
