import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { toRoleAssignment } from '../loaders/role-assignments';
import { assignRole } from '../mutations/assign-role';
import { revokeRole } from '../mutations/revoke-role';
import { AssignRoleInput } from '../types/assign-role.input';
import { RoleAssignment } from '../types/role-assignment.type';

@Resolver()
export class RoleMutationResolver {
  @Mutation(() => RoleAssignment, {
    description:
      'Gives a user a role. PARTNER_FULL_ADMIN: any role on its partner or its customers ' +
      '(PARTNER_ADMIN names a customer of the partner); FULL_ADMIN: FULL_ADMIN, READ_ONLY_ADMIN, ' +
      'SUPPORT_ADMIN and USAGE_COLLECTOR on its customer. A role the user already has is returned ' +
      'unchanged. Anything else, existing or not, is FORBIDDEN with one message; recorded in roleAuditLog',
  })
  async assignRole(
    @Arg('input', () => AssignRoleInput) input: AssignRoleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleAssignment> {
    return toRoleAssignment(await assignRole(ctx, input));
  }

  @Mutation(() => Boolean, {
    description:
      'Revokes an assignment the viewer may manage (as for assignRole). The last FULL_ADMIN of a ' +
      'customer and the last PARTNER_FULL_ADMIN of a partner cannot be revoked (BAD_USER_INPUT). ' +
      'Takes effect on the next request; recorded in roleAuditLog',
  })
  revokeRole(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<boolean> {
    return revokeRole(ctx, id);
  }
}
