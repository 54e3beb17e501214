import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { partnerLoader } from '../../../graphql/visible-loaders';
import { partnerRoleAssignmentsLoader } from '../loaders/scope-role-assignments';
import { CustomerConnection } from '../types/customer-connection.type';
import { Partner } from '../types/partner.type';
import { RoleAssignment } from '../types/role-assignment.type';
import { CustomerConnectionArgsType } from './connection-args';
import { customerConnection } from './customer-connection';

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true })
  partner(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Partner | null> {
    return partnerLoader(ctx).load(id);
  }

  @FieldResolver(() => CustomerConnection, {
    description: "The partner's customers that the viewer may read",
  })
  customers(
    @Root() partner: Partner,
    @Args() args: CustomerConnectionArgsType,
    @Ctx() ctx: RequestContext,
  ): Promise<CustomerConnection> {
    return customerConnection(ctx, args, partner.id);
  }

  @FieldResolver(() => [RoleAssignment], {
    description:
      "Roles held on the partner itself (its customers' roles are on each Customer). Partner full " +
      'and read-only admins of this partner only; others get FORBIDDEN',
  })
  roleAssignments(@Root() partner: Partner, @Ctx() ctx: RequestContext): Promise<RoleAssignment[]> {
    return partnerRoleAssignmentsLoader(ctx).load(partner.id);
  }
}
