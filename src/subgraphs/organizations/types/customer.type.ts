import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Customer')
export class Customer {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  /** Resolved through the partner loader; kept off the schema as a plain column. */
  partnerId!: string;
}
