import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class Customer {
  @Field(() => ID)
  id!: string;
}
