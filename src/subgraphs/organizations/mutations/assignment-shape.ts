import { requiredScopeField } from '../../../auth/roles';
import type { Role } from '../../../db/enums';
import { badUserInput } from '../../../graphql/errors';

export interface AssignRoleRequest {
  userId: string;
  role: Role;
  partnerId?: string | null;
  customerId?: string | null;
}

export type RequestedScope = { level: 'partner'; id: string } | { level: 'customer'; id: string };

const given = (value: string | null | undefined): value is string =>
  value !== null && value !== undefined;

/**
 * The scope the request names, checked against the role table (roles.ts): a partner role names
 * exactly partnerId, a customer role exactly customerId, a collector exactly one of the two.
 * Checked before anything is read, so a malformed request learns nothing about the data.
 */
export function requestedScope(input: AssignRoleRequest): RequestedScope {
  const hasPartner = given(input.partnerId);
  const hasCustomer = given(input.customerId);
  const field = requiredScopeField(input.role);
  const problem =
    field === 'partnerId' && (!hasPartner || hasCustomer)
      ? `${input.role} is scoped to a partner: give partnerId and no customerId`
      : field === 'customerId' && (!hasCustomer || hasPartner)
        ? `${input.role} is scoped to a customer: give customerId and no partnerId`
        : field === 'either' && hasPartner === hasCustomer
          ? `${input.role} is scoped to a partner or a customer: give exactly one of partnerId and customerId`
          : null;
  if (problem) {
    throw badUserInput(problem, { argumentName: 'input' });
  }
  return hasCustomer
    ? { level: 'customer', id: input.customerId as string }
    : { level: 'partner', id: input.partnerId as string };
}

export function scopeKeyOf(scope: RequestedScope): string {
  return `${scope.level}:${scope.id}`;
}
