import { Scope } from '../../../src/auth/scope';
import { Role } from '../../../src/db/enums';

// What the database round trip in test/integration/auth cannot show: a scope cannot be widened
// after it is built, and rows that do not fit their role grant nothing rather than too much.

describe('Scope', () => {
  const scope = Scope.fromAssignments('u1', [
    { role: Role.FULL_ADMIN, partnerId: null, customerId: 'c1' },
  ]);

  it('cannot be changed after it is built', () => {
    expect(Object.isFrozen(scope)).toBe(true);
    expect(Object.isFrozen(scope.read)).toBe(true);
    const customers = scope.read.customerIds as Set<string>;
    expect(() => customers.add('c2')).toThrow(TypeError);
    expect(() => customers.delete('c1')).toThrow(TypeError);
    expect(() => customers.clear()).toThrow(TypeError);
    expect(() => {
      (scope as { read: unknown }).read = scope.manageRoles;
    }).toThrow(TypeError);
    expect([...scope.read.customerIds]).toEqual(['c1']);
  });

  it('does not widen a customer-level role to a partner the row also names', () => {
    const widened = Scope.fromAssignments('u1', [
      { role: Role.READ_ONLY_ADMIN, partnerId: 'p1', customerId: 'c1' },
    ]);
    expect([...widened.read.partnerIds]).toEqual([]);
    expect(widened.allows('read', { customerId: 'c2', partnerId: 'p1' })).toBe(false);
  });

  it('ignores a partner-level role on a customer, a row with no scope and an unknown role', () => {
    const odd = Scope.fromAssignments('u1', [
      { role: Role.PARTNER_FULL_ADMIN, partnerId: null, customerId: 'c1' },
      { role: Role.FULL_ADMIN, partnerId: null, customerId: null },
      { role: 'SUPER_ADMIN' as Role, partnerId: 'p1', customerId: null },
    ]);
    for (const capability of ['read', 'readAdmin', 'analytics', 'manageRoles', 'ingest'] as const) {
      expect(odd.isEmpty(capability)).toBe(true);
    }
  });

  it('reads a collector row that names both as the narrower customer scope', () => {
    const collector = Scope.fromAssignments('u1', [
      { role: Role.USAGE_COLLECTOR, partnerId: 'p1', customerId: 'c1' },
    ]);
    expect(collector.allows('ingest', { customerId: 'c1', partnerId: 'p1' })).toBe(true);
    expect(collector.allows('ingest', { customerId: 'c2', partnerId: 'p1' })).toBe(false);
  });

  it('allows nothing for an empty target, and nothing at all for Scope.none', () => {
    expect(scope.allows('read', {})).toBe(false);
    expect(scope.allows('read', { customerId: null, partnerId: null })).toBe(false);
    const none = Scope.none('u2');
    expect(none.userId).toBe('u2');
    expect(none.isEmpty('read')).toBe(true);
    expect(none.allows('read', { customerId: 'c1', partnerId: 'p1' })).toBe(false);
  });
});
