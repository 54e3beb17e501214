import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Role } from '../../../graphql/enums';

@Directive('@key(fields: "id")')
@ObjectType('RoleAssignment')
export class RoleAssignment {
  @Field(() => ID)
  id!: string;

  @Field(() => Role)
  role!: Role;

  userId!: string;
  partnerId!: string | null;
  customerId!: string | null;
}
