import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { customerLoader } from '../../../graphql/visible-loaders';
import { partnerLoader } from '../../../graphql/visible-loaders';
import { customerRoleAssignmentsLoader } from '../loaders/scope-role-assignments';
import { Customer } from '../types/customer.type';
import { CustomerConnection } from '../types/customer-connection.type';
import { Partner } from '../types/partner.type';
import { RoleAssignment } from '../types/role-assignment.type';
import { CustomerConnectionArgsType } from './connection-args';
import { customerConnection } from './customer-connection';

@Resolver(() => Customer)
export class CustomerResolver {
  @Query(() => Customer, { nullable: true })
  customer(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Customer | null> {
    return customerLoader(ctx).load(id);
  }

  @Query(() => CustomerConnection, {
    description: 'Every customer the viewer may read, across partners',
  })
  customers(
    @Args() args: CustomerConnectionArgsType,
    @Ctx() ctx: RequestContext,
  ): Promise<CustomerConnection> {
    return customerConnection(ctx, args);
  }

  @FieldResolver(() => Partner)
  async partner(@Root() customer: Customer, @Ctx() ctx: RequestContext): Promise<Partner> {
    const partner = await partnerLoader(ctx).load(customer.partnerId);
    // A readable customer always makes its partner visible; a miss means the row vanished.
    if (!partner) throw new Error(`partner of customer ${customer.id} not found`);
    return partner;
  }

  @FieldResolver(() => [RoleAssignment], {
    description:
      'Roles held on this customer. FULL_ADMIN and READ_ONLY_ADMIN of the customer and partner ' +
      'full or read-only admins only; others get FORBIDDEN',
  })
  roleAssignments(
    @Root() customer: Customer,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleAssignment[]> {
    return customerRoleAssignmentsLoader(ctx).load(customer.id);
  }
}
