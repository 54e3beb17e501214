import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * The organizations subgraph owns Customer; this subgraph adds `subscriptions` to it and knows
 * nothing else about it but its id.
 */
@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class Customer {
  @Field(() => ID)
  id!: string;
}
