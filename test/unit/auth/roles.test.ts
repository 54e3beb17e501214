import { ROLE_RULES, isRole, requiredScopeField, roleScopeLevel } from '../../../src/auth/roles';
import { Role } from '../../../src/db/enums';

describe('role table', () => {
  it('has a rule for every role of the contract and nothing else', () => {
    expect(Object.keys(ROLE_RULES).sort()).toEqual(Object.values(Role).sort());
  });

  it.each([
    [Role.PARTNER_FULL_ADMIN, 'partner', 'partnerId'],
    [Role.PARTNER_READ_ONLY_ADMIN, 'partner', 'partnerId'],
    [Role.PARTNER_ADMIN, 'customer', 'customerId'],
    [Role.FULL_ADMIN, 'customer', 'customerId'],
    [Role.READ_ONLY_ADMIN, 'customer', 'customerId'],
    [Role.SUPPORT_ADMIN, 'customer', 'customerId'],
    [Role.USAGE_COLLECTOR, 'partner-or-customer', 'either'],
  ])('%s is assigned on a %s (%s)', (role, level, field) => {
    expect(roleScopeLevel(role)).toBe(level);
    expect(requiredScopeField(role)).toBe(field);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ROLE_RULES)).toBe(true);
    expect(Object.isFrozen(ROLE_RULES[Role.SUPPORT_ADMIN].capabilities)).toBe(true);
  });

  it('recognises only the contract roles', () => {
    expect(isRole('FULL_ADMIN')).toBe(true);
    expect(isRole('full_admin')).toBe(false);
    expect(isRole('toString')).toBe(false);
    expect(isRole(null)).toBe(false);
  });
});
