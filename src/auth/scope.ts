import type { Role } from '../db/enums';
import { CAPABILITIES, ROLE_RULES, isRole } from './roles';
import type { Capability } from './roles';

// A viewer's scope: for each capability, the partners on which it holds (covering every customer
// of those partners) and the single customers on which it holds. Built once per request from the
// role assignments in the database and never changed afterwards, so that a rule or a loader can
// hand it around without anyone widening it by accident.

export interface ScopeGrant {
  /** Partners on which the capability holds, and so on every customer of theirs. */
  partnerIds: ReadonlySet<string>;
  /** Customers on which the capability holds directly. */
  customerIds: ReadonlySet<string>;
}

/** What a check is about. partnerId must be the customer's partner as stored, never client input. */
export interface ScopeTarget {
  customerId?: string | null;
  partnerId?: string | null;
}

export interface AssignmentLike {
  role: Role;
  partnerId: string | null;
  customerId: string | null;
}

/** A Set that refuses changes once built: ReadonlySet alone is only a compile-time promise. */
class FrozenSet<T> extends Set<T> {
  #frozen = false;

  constructor(values: Iterable<T>) {
    super();
    for (const value of values) super.add(value);
    this.#frozen = true;
  }

  override add(value: T): this {
    if (this.#frozen) throw new TypeError('A scope cannot be changed');
    return super.add(value);
  }

  override delete(): boolean {
    throw new TypeError('A scope cannot be changed');
  }

  override clear(): void {
    throw new TypeError('A scope cannot be changed');
  }
}

type Target = { level: 'partner' | 'customer'; id: string };

/**
 * The one place an assignment row becomes a grant target. Only the column that matches the role's
 * level counts: a customer-level row that also names a partner must not widen to the partner. A
 * collector row that names both is read as the narrower customer scope; a row that names neither,
 * or a role this build does not know, grants nothing.
 */
function targetOf(assignment: AssignmentLike): Target | null {
  if (!isRole(assignment.role)) return null;
  const { partnerId, customerId } = assignment;
  switch (ROLE_RULES[assignment.role].scopeLevel) {
    case 'partner':
      return partnerId ? { level: 'partner', id: partnerId } : null;
    case 'customer':
      return customerId ? { level: 'customer', id: customerId } : null;
    case 'partner-or-customer':
      if (customerId) return { level: 'customer', id: customerId };
      return partnerId ? { level: 'partner', id: partnerId } : null;
  }
}

const freezeGrant = (partnerIds: Iterable<string>, customerIds: Iterable<string>): ScopeGrant =>
  Object.freeze({ partnerIds: new FrozenSet(partnerIds), customerIds: new FrozenSet(customerIds) });

export class Scope {
  readonly read: ScopeGrant;
  readonly readAdmin: ScopeGrant;
  readonly analytics: ScopeGrant;
  readonly manageRoles: ScopeGrant;
  readonly ingest: ScopeGrant;
  readonly scheduleReports: ScopeGrant;

  private constructor(
    readonly userId: string,
    grants: Record<Capability, ScopeGrant>,
  ) {
    this.read = grants.read;
    this.readAdmin = grants.readAdmin;
    this.analytics = grants.analytics;
    this.manageRoles = grants.manageRoles;
    this.ingest = grants.ingest;
    this.scheduleReports = grants.scheduleReports;
    Object.freeze(this);
  }

  /** The scope of a user who holds no role: every check fails. */
  static none(userId: string): Scope {
    return Scope.fromAssignments(userId, []);
  }

  /** The union of what every assignment grants. */
  static fromAssignments(userId: string, assignments: readonly AssignmentLike[]): Scope {
    const partners = new Map<Capability, string[]>(CAPABILITIES.map((c) => [c, []]));
    const customers = new Map<Capability, string[]>(CAPABILITIES.map((c) => [c, []]));
    for (const assignment of assignments) {
      const target = targetOf(assignment);
      if (!target) continue;
      const into = target.level === 'partner' ? partners : customers;
      for (const capability of ROLE_RULES[assignment.role].capabilities) {
        into.get(capability)!.push(target.id);
      }
    }
    const grants = Object.fromEntries(
      CAPABILITIES.map((c) => [c, freezeGrant(partners.get(c)!, customers.get(c)!)]),
    ) as Record<Capability, ScopeGrant>;
    return new Scope(userId, grants);
  }

  grant(capability: Capability): ScopeGrant {
    return this[capability];
  }

  /** True when the target's customer is granted directly or the partner is granted. */
  allows(capability: Capability, target: ScopeTarget): boolean {
    const grant = this.grant(capability);
    if (target.customerId != null && grant.customerIds.has(target.customerId)) return true;
    return target.partnerId != null && grant.partnerIds.has(target.partnerId);
  }

  isEmpty(capability: Capability): boolean {
    const grant = this.grant(capability);
    return grant.partnerIds.size === 0 && grant.customerIds.size === 0;
  }
}
