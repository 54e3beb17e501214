import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { customerLoader } from '../../../graphql/visible-loaders';
import { partnerLoader } from '../../../graphql/visible-loaders';
import { userLoader } from '../loaders/users';
import { Customer } from '../types/customer.type';
import { Partner } from '../types/partner.type';
import { RoleAssignment } from '../types/role-assignment.type';
import { User } from '../types/user.type';

@Resolver(() => RoleAssignment)
export class RoleAssignmentResolver {
  @FieldResolver(() => User)
  async user(@Root() assignment: RoleAssignment, @Ctx() ctx: RequestContext): Promise<User> {
    const user = await userLoader(ctx).load(assignment.userId);
    if (!user) throw new Error(`user of role assignment ${assignment.id} not found`);
    return user;
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'Set for partner-scoped roles' })
  partner(
    @Root() assignment: RoleAssignment,
    @Ctx() ctx: RequestContext,
  ): Promise<Partner | null> | null {
    return assignment.partnerId ? partnerLoader(ctx).load(assignment.partnerId) : null;
  }

  @FieldResolver(() => Customer, { nullable: true, description: 'Set for customer-scoped roles' })
  customer(
    @Root() assignment: RoleAssignment,
    @Ctx() ctx: RequestContext,
  ): Promise<Customer | null> | null {
    return assignment.customerId ? customerLoader(ctx).load(assignment.customerId) : null;
  }
}
