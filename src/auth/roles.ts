import { Role } from '../db/enums';

// The role table of the contract (`enum Role` in docs/contract/api.graphql) written as data, so
// that the scope computation, the role mutations and the authorization matrix test all read the
// same facts instead of each re-deriving them from the comments in the schema.

/** Where a role is assigned: on a partner, on one customer, or (collectors) on either. */
export type ScopeLevel = 'partner' | 'customer' | 'partner-or-customer';

/**
 * What a role lets its holder do on its scope.
 * - read: the customers' data (subscriptions, sources, usage, reports)
 * - readAdmin: other users' role assignments and the audit log
 * - analytics: partner analytics (Partner.licenseSummary, Partner.alerts, cross-customer reports)
 * - manageRoles: assign and revoke roles (which roles exactly is the role mutations' business)
 * - ingest: report usage for the clusters and tenants in scope
 * - scheduleReports: create, delete and run the scope's scheduled report e-mails
 */
export type Capability =
  'read' | 'readAdmin' | 'analytics' | 'manageRoles' | 'ingest' | 'scheduleReports';

export const CAPABILITIES: readonly Capability[] = Object.freeze([
  'read',
  'readAdmin',
  'analytics',
  'manageRoles',
  'ingest',
  'scheduleReports',
] as const);

export interface RoleRule {
  readonly scopeLevel: ScopeLevel;
  readonly capabilities: readonly Capability[];
}

const rule = (scopeLevel: ScopeLevel, ...capabilities: Capability[]): RoleRule =>
  Object.freeze({ scopeLevel, capabilities: Object.freeze(capabilities) });

export const ROLE_RULES: Readonly<Record<Role, RoleRule>> = Object.freeze({
  // Every customer of the partner; assigns roles; partner analytics.
  [Role.PARTNER_FULL_ADMIN]: rule(
    'partner',
    'read',
    'readAdmin',
    'analytics',
    'manageRoles',
    'scheduleReports',
  ),
  // Reads every customer of the partner and its analytics; never changes anything.
  [Role.PARTNER_READ_ONLY_ADMIN]: rule('partner', 'read', 'readAdmin', 'analytics'),
  // One assignment per managed customer; neither analytics nor other users' roles.
  [Role.PARTNER_ADMIN]: rule('customer', 'read'),
  // Everything in its customer, including assigning customer-scoped roles.
  [Role.FULL_ADMIN]: rule('customer', 'read', 'readAdmin', 'manageRoles', 'scheduleReports'),
  [Role.READ_ONLY_ADMIN]: rule('customer', 'read', 'readAdmin'),
  // Reads the customer's data but not who administers it.
  [Role.SUPPORT_ADMIN]: rule('customer', 'read'),
  // A machine identity: writes usage, reads nothing.
  [Role.USAGE_COLLECTOR]: rule('partner-or-customer', 'ingest'),
});

const KNOWN_ROLES: ReadonlySet<string> = new Set(Object.values(Role));

/** Guards values read from the database: a role this build does not know grants nothing. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && KNOWN_ROLES.has(value);
}

export function roleScopeLevel(role: Role): ScopeLevel {
  return ROLE_RULES[role].scopeLevel;
}

/** Which column of a role assignment must name the scope (for import and assignRole checks). */
export function requiredScopeField(role: Role): 'partnerId' | 'customerId' | 'either' {
  switch (roleScopeLevel(role)) {
    case 'partner':
      return 'partnerId';
    case 'customer':
      return 'customerId';
    case 'partner-or-customer':
      return 'either';
  }
}
