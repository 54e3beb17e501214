import { Field, ObjectType } from 'type-graphql';
import { RoleAssignment } from './role-assignment.type';
import { User } from './user.type';

@ObjectType('Viewer')
export class Viewer {
  @Field(() => User)
  user!: User;

  @Field(() => [RoleAssignment])
  roles!: RoleAssignment[];
}
