import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../../graphql/enums';

@InputType('AssignRoleInput', {
  description:
    'A role and its scope: partner roles name partnerId, customer roles customerId, ' +
    'USAGE_COLLECTOR exactly one of the two',
})
export class AssignRoleInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true })
  partnerId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;
}
