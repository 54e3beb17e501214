import type { Scope } from '../../../auth/scope';
import { Role } from '../../../db/enums';
import { forbidden } from '../../../graphql/errors';

// Who may assign or revoke which role (issue 4): a partner full admin any role on its partner or
// on that partner's customers; a customer full admin the customer roles below on its own customer;
// nobody else anything. The scope comes from the database (the viewer's assignments, the
// customer's partner as stored), never from client input.

/** Roles a customer's FULL_ADMIN may hand out on that customer. */
export const CUSTOMER_ADMIN_ASSIGNABLE: ReadonlySet<Role> = new Set([
  Role.FULL_ADMIN,
  Role.READ_ONLY_ADMIN,
  Role.SUPPORT_ADMIN,
  Role.USAGE_COLLECTOR,
]);

/** A role assignment's scope as stored: a partner, or a customer together with its partner. */
export type ManagedScope =
  | { level: 'partner'; partnerId: string }
  | { level: 'customer'; customerId: string; partnerId: string };

export function mayManage(scope: Scope, role: Role, target: ManagedScope): boolean {
  if (scope.manageRoles.partnerIds.has(target.partnerId)) return true;
  return (
    target.level === 'customer' &&
    scope.manageRoles.customerIds.has(target.customerId) &&
    CUSTOMER_ADMIN_ASSIGNABLE.has(role)
  );
}

/**
 * The one refusal of both role mutations, for anything the viewer may not manage — whether the
 * user, partner, customer or assignment exists or not, so that the answer tells nothing about it.
 */
export const NOT_MANAGEABLE = 'You may not manage this role assignment';

export const notManageable = () => forbidden(NOT_MANAGEABLE);
