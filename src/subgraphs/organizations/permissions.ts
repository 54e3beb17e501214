import { rule } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import type { RequestContext } from '../../graphql/context';
import { forbidden, unauthenticated } from '../../graphql/errors';
import { allowAll, isAuthenticated } from '../../graphql/rules';
import { NOT_MANAGEABLE } from './mutations/may-manage';
import type { Customer } from './types/customer.type';
import type { Partner } from './types/partner.type';

const NOT_ADMIN_READABLE = 'Role assignments need a full or read-only admin role on this scope';

/** Role mutations: only a viewer that manages roles somewhere gets as far as the resolver, which
 * then checks the role and scope asked for (mutations/may-manage.ts). */
const managesRoles = rule('managesRoles', { cache: 'contextual' })((
  _parent,
  _args,
  ctx: RequestContext,
) => {
  if (!ctx.viewer) return unauthenticated();
  return ctx.viewer.scope.isEmpty('manageRoles') ? forbidden(NOT_MANAGEABLE) : true;
});

/** Other users' assignments on a customer: its full and read-only admins, and its partner's. */
const readsCustomerAdmin = rule('readsCustomerAdmin', { cache: 'strict' })(
  (customer: Customer, _args, ctx: RequestContext) =>
    ctx.viewer?.scope.allows('readAdmin', {
      customerId: customer.id,
      partnerId: customer.partnerId,
    })
      ? true
      : forbidden(NOT_ADMIN_READABLE),
);

const readsPartnerAdmin = rule('readsPartnerAdmin', { cache: 'strict' })(
  (partner: Partner, _args, ctx: RequestContext) =>
    ctx.viewer?.scope.readAdmin.partnerIds.has(partner.id) ? true : forbidden(NOT_ADMIN_READABLE),
);

// Entry points need a viewer; what they return is already cut to the viewer's scope in SQL (the
// audit log checks its scope in the resolver), so the types below them are open except the
// admin-only lists. Anything not named here is denied.
export const permissions: IRules = {
  Query: {
    viewer: isAuthenticated,
    partner: isAuthenticated,
    customer: isAuthenticated,
    customers: isAuthenticated,
    roleAuditLog: isAuthenticated,
  },
  Mutation: {
    assignRole: managesRoles,
    revokeRole: managesRoles,
  },
  Viewer: allowAll,
  User: allowAll,
  RoleAssignment: allowAll,
  Partner: { '*': allowAll, roleAssignments: readsPartnerAdmin },
  Customer: { '*': allowAll, roleAssignments: readsCustomerAdmin },
  CustomerConnection: allowAll,
  CustomerEdge: allowAll,
  PageInfo: allowAll,
  RoleAuditEntryConnection: allowAll,
  RoleAuditEntryEdge: allowAll,
  RoleAuditEntry: allowAll,
  RoleAssignmentState: allowAll,
};
