import { ASSIGN, REVOKE, org, outcome, useRolesDatabase } from './setup';

// Who reads a scope's role audit log and its role assignments: the full and read-only admins of
// that scope (customer or partner level), never support admins, partner admins or collectors.

const db = useRolesDatabase();
let acmeAssignment: string;
beforeAll(async () => {
  const assigned = await org(db, 'u-fa-acme', ASSIGN, {
    input: { userId: 'u-t1', role: 'SUPPORT_ADMIN', customerId: 'c-acme' },
  });
  acmeAssignment = (assigned.data as { assignRole: { id: string } }).assignRole.id;
  expect(outcome(await org(db, 'u-fa-acme', REVOKE, { id: acmeAssignment }))).toBe('ok');
  expect(
    outcome(
      await org(db, 'u-pfa-north', ASSIGN, {
        input: { userId: 'u-t2', role: 'PARTNER_READ_ONLY_ADMIN', partnerId: 'p-north' },
      }),
    ),
  ).toBe('ok');
});

const LOG = `query($partnerId: ID, $customerId: ID, $first: Int, $after: String) {
  roleAuditLog(partnerId: $partnerId, customerId: $customerId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { action actorUserId at before { userId role customerId } after { userId role partnerId customerId } }
  }
}`;

const READERS: Array<[string, { customerId?: string; partnerId?: string }, string]> = [
  ['u-fa-acme', { customerId: 'c-acme' }, 'ok'],
  ['u-ro-acme', { customerId: 'c-acme' }, 'ok'],
  ['u-pfa-north', { customerId: 'c-acme' }, 'ok'],
  ['u-pro-north', { customerId: 'c-acme' }, 'ok'],
  ['u-pfa-north', { partnerId: 'p-north' }, 'ok'],
  ['u-pro-north', { partnerId: 'p-north' }, 'ok'],
  ['u-sa-acme', { customerId: 'c-acme' }, 'FORBIDDEN'],
  ['u-pa-north', { customerId: 'c-acme' }, 'FORBIDDEN'],
  ['u-uc-acme', { customerId: 'c-acme' }, 'FORBIDDEN'],
  ['u-fa-acme', { partnerId: 'p-north' }, 'FORBIDDEN'],
  ['u-pfa-south', { customerId: 'c-acme' }, 'FORBIDDEN'],
  ['u-pfa-south', { partnerId: 'p-north' }, 'FORBIDDEN'],
  ['u-none', { customerId: 'c-acme' }, 'FORBIDDEN'],
];

it.each(READERS)('%s reads the audit log of %j: %s', async (userId, scope, expected) => {
  const result = await org(db, userId, LOG, scope);
  expect(outcome(result)).toBe(expected);
  if (expected !== 'ok') return;
  const log = (result.data as { roleAuditLog: { totalCount: number; nodes: unknown[] } })
    .roleAuditLog;
  const acme = [
    {
      action: 'REVOKED',
      actorUserId: 'u-fa-acme',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      before: { userId: 'u-t1', role: 'SUPPORT_ADMIN', customerId: 'c-acme' },
      after: null,
    },
    {
      action: 'ASSIGNED',
      actorUserId: 'u-fa-acme',
      at: expect.any(String),
      before: null,
      after: { userId: 'u-t1', role: 'SUPPORT_ADMIN', partnerId: null, customerId: 'c-acme' },
    },
  ];
  const partnerOwn = {
    action: 'ASSIGNED',
    actorUserId: 'u-pfa-north',
    at: expect.any(String),
    before: null,
    after: {
      userId: 'u-t2',
      role: 'PARTNER_READ_ONLY_ADMIN',
      partnerId: 'p-north',
      customerId: null,
    },
  };
  // A partner's log holds its own roles and its customers' roles, newest first.
  const expectedNodes = scope.partnerId ? [partnerOwn, ...acme] : acme;
  expect(log).toEqual({
    totalCount: expectedNodes.length,
    pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    nodes: expectedNodes,
  });
});

it('pages the log newest first', async () => {
  const first = await org(db, 'u-pfa-north', LOG, { partnerId: 'p-north', first: 2 });
  const page = (
    first.data as {
      roleAuditLog: {
        pageInfo: { endCursor: string; hasNextPage: boolean };
        nodes: Array<{ action: string }>;
      };
    }
  ).roleAuditLog;
  expect(page.pageInfo.hasNextPage).toBe(true);
  expect(page.nodes.map((n) => n.action)).toEqual(['ASSIGNED', 'REVOKED']);
  const second = await org(db, 'u-pfa-north', LOG, {
    partnerId: 'p-north',
    first: 2,
    after: page.pageInfo.endCursor,
  });
  const rest = (
    second.data as {
      roleAuditLog: {
        pageInfo: { hasNextPage: boolean };
        nodes: Array<{ action: string; after: unknown }>;
      };
    }
  ).roleAuditLog;
  expect(rest.pageInfo.hasNextPage).toBe(false);
  expect(rest.nodes.map((n) => n.action)).toEqual(['ASSIGNED']);
});

it('refuses a hidden and a missing scope byte for byte alike, and a malformed request', async () => {
  const hidden = JSON.stringify(await org(db, 'u-pfa-south', LOG, { customerId: 'c-acme' }));
  const missing = JSON.stringify(await org(db, 'u-pfa-south', LOG, { customerId: 'c-nope' }));
  expect(hidden).toBe(missing);
  expect(outcome(await org(db, 'u-pfa-north', LOG, {}))).toBe('BAD_USER_INPUT');
  expect(
    outcome(await org(db, 'u-pfa-north', LOG, { partnerId: 'p-north', customerId: 'c-acme' })),
  ).toBe('BAD_USER_INPUT');
});

const LISTS = `{
  customer(id: "c-acme") { roleAssignments { role user { id } } }
}`;
const PARTNER_LIST = `{ partner(id: "p-north") { roleAssignments { role user { id } } } }`;

it.each([
  ['u-fa-acme', 'ok', 'FORBIDDEN'],
  ['u-ro-acme', 'ok', 'FORBIDDEN'],
  ['u-pfa-north', 'ok', 'ok'],
  ['u-pro-north', 'ok', 'ok'],
  ['u-sa-acme', 'FORBIDDEN', 'FORBIDDEN'],
  ['u-pa-north', 'FORBIDDEN', 'FORBIDDEN'],
  ['u-uc-acme', 'FORBIDDEN', 'FORBIDDEN'],
])('%s lists role assignments of c-acme: %s, of p-north: %s', async (userId, customer, partner) => {
  const c = await org(db, userId, LISTS);
  expect(outcome(c)).toBe(customer);
  if (customer === 'ok') {
    expect(c.data).toEqual({
      customer: {
        roleAssignments: expect.arrayContaining([
          { role: 'FULL_ADMIN', user: { id: 'u-fa-acme' } },
          { role: 'READ_ONLY_ADMIN', user: { id: 'u-ro-acme' } },
          { role: 'SUPPORT_ADMIN', user: { id: 'u-sa-acme' } },
          { role: 'PARTNER_ADMIN', user: { id: 'u-pa-north' } },
          { role: 'USAGE_COLLECTOR', user: { id: 'u-uc-acme' } },
        ]),
      },
    });
    expect(
      (c.data as { customer: { roleAssignments: unknown[] } }).customer.roleAssignments,
    ).toHaveLength(5);
  }
  const p = await org(db, userId, PARTNER_LIST);
  expect(outcome(p)).toBe(partner);
  if (partner === 'ok') {
    const roles = (
      p.data as { partner: { roleAssignments: Array<{ role: string; user: { id: string } }> } }
    ).partner.roleAssignments;
    expect(roles.map((r) => `${r.role}:${r.user.id}`).sort()).toEqual([
      'PARTNER_FULL_ADMIN:u-pfa-north',
      'PARTNER_READ_ONLY_ADMIN:u-pro-north',
      'PARTNER_READ_ONLY_ADMIN:u-t2',
      'USAGE_COLLECTOR:u-uc-north',
    ]);
  }
});
