import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "id")')
@ObjectType('Partner')
export class Partner {
  @Field(() => ID)
  id!: string;
}
