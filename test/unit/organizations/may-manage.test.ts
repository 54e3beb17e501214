import { Scope } from '../../../src/auth/scope';
import { Role } from '../../../src/db/enums';
import { requestedScope } from '../../../src/subgraphs/organizations/mutations/assignment-shape';
import { mayManage } from '../../../src/subgraphs/organizations/mutations/may-manage';
import type { ManagedScope } from '../../../src/subgraphs/organizations/mutations/may-manage';

// The role-management policy as a pure function of the viewer's scope, the role and the stored
// scope: every role on a partner, on one of its customers and on another partner's customer.

const partnerFull = Scope.fromAssignments('u1', [
  { role: Role.PARTNER_FULL_ADMIN, partnerId: 'p1', customerId: null },
]);
const customerFull = Scope.fromAssignments('u2', [
  { role: Role.FULL_ADMIN, partnerId: null, customerId: 'c1' },
]);
const readers = [Role.PARTNER_READ_ONLY_ADMIN, Role.READ_ONLY_ADMIN, Role.SUPPORT_ADMIN].map(
  (role) =>
    Scope.fromAssignments('u3', [
      { role, partnerId: role === Role.PARTNER_READ_ONLY_ADMIN ? 'p1' : null, customerId: 'c1' },
    ]),
);

const onPartner: ManagedScope = { level: 'partner', partnerId: 'p1' };
const onCustomer: ManagedScope = { level: 'customer', customerId: 'c1', partnerId: 'p1' };
const elsewhere: ManagedScope = { level: 'customer', customerId: 'c9', partnerId: 'p9' };
const CUSTOMER_ROLES = [
  Role.FULL_ADMIN,
  Role.READ_ONLY_ADMIN,
  Role.SUPPORT_ADMIN,
  Role.USAGE_COLLECTOR,
];

it.each(Object.values(Role))('decides who manages %s', (role) => {
  expect({
    partnerFullOnPartner: mayManage(partnerFull, role, onPartner),
    partnerFullOnCustomer: mayManage(partnerFull, role, onCustomer),
    partnerFullElsewhere: mayManage(partnerFull, role, elsewhere),
    customerFullOnCustomer: mayManage(customerFull, role, onCustomer),
    customerFullOnPartner: mayManage(customerFull, role, onPartner),
    customerFullElsewhere: mayManage(customerFull, role, elsewhere),
    readers: readers.map((scope) => mayManage(scope, role, onCustomer)),
  }).toEqual({
    partnerFullOnPartner: true,
    partnerFullOnCustomer: true,
    partnerFullElsewhere: false,
    customerFullOnCustomer: CUSTOMER_ROLES.includes(role),
    customerFullOnPartner: false,
    customerFullElsewhere: false,
    readers: [false, false, false],
  });
});

it('reads the scope a role must name from the role table', () => {
  expect(requestedScope({ userId: 'u', role: Role.PARTNER_ADMIN, customerId: 'c1' })).toEqual({
    level: 'customer',
    id: 'c1',
  });
  expect(requestedScope({ userId: 'u', role: Role.USAGE_COLLECTOR, partnerId: 'p1' })).toEqual({
    level: 'partner',
    id: 'p1',
  });
  expect(() => requestedScope({ userId: 'u', role: Role.PARTNER_ADMIN, partnerId: 'p1' })).toThrow(
    'PARTNER_ADMIN is scoped to a customer: give customerId and no partnerId',
  );
  expect(() =>
    requestedScope({ userId: 'u', role: Role.PARTNER_READ_ONLY_ADMIN, customerId: 'c1' }),
  ).toThrow('PARTNER_READ_ONLY_ADMIN is scoped to a partner: give partnerId and no customerId');
});
