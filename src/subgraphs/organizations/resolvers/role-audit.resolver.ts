import { Args, ArgsType, Ctx, Field, ID, Int, Query, Resolver } from 'type-graphql';
import {
  DEFAULT_PAGE_SIZE,
  connectionPage,
  decodeCursor,
  encodeCursor,
  pageSize,
} from '../../../graphql/connection';
import type { RequestContext } from '../../../graphql/context';
import { badUserInput, forbidden } from '../../../graphql/errors';
import { viewerOf } from '../../../graphql/viewer-of';
import { managedScope } from '../mutations/managed-scope';
import { roleAuditPage } from '../queries/role-audit-page';
import { RoleAuditEntryConnection } from '../types/role-audit-entry.type';

@ArgsType()
class RoleAuditLogArgs {
  @Field(() => ID, { nullable: true })
  partnerId?: string | null;

  @Field(() => ID, { nullable: true })
  customerId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: '1 to 500' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

const ORDERING = 'roleAudit';
export const AUDIT_NOT_READABLE = 'You may not read the role audit log of this scope';

@Resolver()
export class RoleAuditResolver {
  @Query(() => RoleAuditEntryConnection, {
    description:
      'Every assignment and revocation of a role on one scope, newest first. Give exactly one of ' +
      "partnerId (the partner's own roles and those of all its customers) or customerId. " +
      'Readable by full and read-only admins of that scope: FULL_ADMIN and READ_ONLY_ADMIN of the ' +
      'customer, PARTNER_FULL_ADMIN and PARTNER_READ_ONLY_ADMIN of the partner (not SUPPORT_ADMIN ' +
      'or PARTNER_ADMIN). Any other scope, existing or not, is FORBIDDEN with the same message.',
  })
  async roleAuditLog(
    @Args() args: RoleAuditLogArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<RoleAuditEntryConnection> {
    const hasPartner = args.partnerId !== null && args.partnerId !== undefined;
    const hasCustomer = args.customerId !== null && args.customerId !== undefined;
    if (hasPartner === hasCustomer) {
      throw badUserInput('Give exactly one of partnerId and customerId');
    }
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, ORDERING, ['number'])?.[0] as number | undefined;
    const readAdmin = viewerOf(ctx).scope.readAdmin;
    const scope = await managedScope(
      ctx.ds.manager,
      hasPartner
        ? { level: 'partner', id: args.partnerId as string }
        : { level: 'customer', id: args.customerId as string },
    );
    const readable =
      scope !== null &&
      (scope.level === 'partner'
        ? readAdmin.partnerIds.has(scope.partnerId)
        : readAdmin.customerIds.has(scope.customerId) || readAdmin.partnerIds.has(scope.partnerId));
    if (!scope || !readable) throw forbidden(AUDIT_NOT_READABLE);

    const { entries, totalCount } = await roleAuditPage(ctx.ds, {
      column: scope.level === 'partner' ? 'partner_id' : 'customer_id',
      scopeId: scope.level === 'partner' ? scope.partnerId : scope.customerId,
      after: after ?? null,
      limit: limit + 1,
    });
    return connectionPage({ rows: entries, totalCount }, limit, args.after, (node) => ({
      cursor: encodeCursor(ORDERING, [Number(node.id)]),
      node,
    }));
  }
}
