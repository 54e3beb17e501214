import { ASSIGN, assignmentsOf, counts, org, outcome, useRolesDatabase } from './setup';

// Who may assign what (issue 4): each case is an actor, a request and the expected outcome. A
// granted request must leave exactly that assignment and one audit entry; a refused one nothing.

const db = useRolesDatabase();

type Input = { userId: string; role: string; partnerId?: string; customerId?: string };
const p = (role: string, partnerId: string, userId = 'u-t1'): Input => ({
  userId,
  role,
  partnerId,
});
const c = (role: string, customerId: string, userId = 'u-t1'): Input => ({
  userId,
  role,
  customerId,
});

const CASES: Array<[actor: string, input: Input, expected: 'ok' | 'FORBIDDEN' | 'BAD_USER_INPUT']> =
  [
    // A partner full admin: every role on its partner and its customers, nothing elsewhere.
    ['u-pfa-north', p('PARTNER_FULL_ADMIN', 'p-north'), 'ok'],
    ['u-pfa-north', p('PARTNER_READ_ONLY_ADMIN', 'p-north'), 'ok'],
    ['u-pfa-north', p('USAGE_COLLECTOR', 'p-north'), 'ok'],
    ['u-pfa-north', c('PARTNER_ADMIN', 'c-globex'), 'ok'],
    ['u-pfa-north', c('FULL_ADMIN', 'c-initech'), 'ok'],
    ['u-pfa-north', c('SUPPORT_ADMIN', 'c-acme'), 'ok'],
    ['u-pfa-north', c('PARTNER_ADMIN', 'c-umbrella'), 'FORBIDDEN'],
    ['u-pfa-north', c('FULL_ADMIN', 'c-wayne'), 'FORBIDDEN'],
    ['u-pfa-north', p('PARTNER_READ_ONLY_ADMIN', 'p-south'), 'FORBIDDEN'],
    ['u-pfa-north', p('PARTNER_READ_ONLY_ADMIN', 'p-nowhere'), 'FORBIDDEN'],
    ['u-pfa-north', c('FULL_ADMIN', 'c-nowhere'), 'FORBIDDEN'],
    ['u-pfa-north', c('FULL_ADMIN', 'c-acme', 'u-nobody-at-all'), 'FORBIDDEN'],
    // A customer full admin: four customer roles on its own customer.
    ['u-fa-acme', c('FULL_ADMIN', 'c-acme', 'u-t2'), 'ok'],
    ['u-fa-acme', c('READ_ONLY_ADMIN', 'c-acme', 'u-t2'), 'ok'],
    ['u-fa-acme', c('SUPPORT_ADMIN', 'c-acme', 'u-t2'), 'ok'],
    ['u-fa-acme', c('USAGE_COLLECTOR', 'c-acme', 'u-t2'), 'ok'],
    ['u-fa-acme', c('PARTNER_ADMIN', 'c-acme', 'u-t3'), 'FORBIDDEN'],
    ['u-fa-acme', c('FULL_ADMIN', 'c-globex', 'u-t3'), 'FORBIDDEN'],
    ['u-fa-acme', p('USAGE_COLLECTOR', 'p-north', 'u-t3'), 'FORBIDDEN'],
    ['u-fa-acme', p('PARTNER_FULL_ADMIN', 'p-north', 'u-t3'), 'FORBIDDEN'],
    // Nobody else assigns anything, not even on its own scope.
    ['u-pro-north', c('SUPPORT_ADMIN', 'c-acme', 'u-t3'), 'FORBIDDEN'],
    ['u-pa-north', c('SUPPORT_ADMIN', 'c-acme', 'u-t3'), 'FORBIDDEN'],
    ['u-ro-acme', c('SUPPORT_ADMIN', 'c-acme', 'u-t3'), 'FORBIDDEN'],
    ['u-sa-acme', c('SUPPORT_ADMIN', 'c-acme', 'u-t3'), 'FORBIDDEN'],
    ['u-uc-acme', c('USAGE_COLLECTOR', 'c-acme', 'u-t3'), 'FORBIDDEN'],
    ['u-uc-north', p('USAGE_COLLECTOR', 'p-north', 'u-t3'), 'FORBIDDEN'],
    ['u-pfa-south', c('SUPPORT_ADMIN', 'c-acme', 'u-t3'), 'FORBIDDEN'],
    ['u-none', c('SUPPORT_ADMIN', 'c-acme', 'u-t3'), 'FORBIDDEN'],
    // The role's shape (roles.ts requiredScopeField) is checked before anything is read.
    ['u-pfa-north', p('FULL_ADMIN', 'p-north', 'u-t4'), 'BAD_USER_INPUT'],
    ['u-pfa-north', c('PARTNER_FULL_ADMIN', 'c-acme', 'u-t4'), 'BAD_USER_INPUT'],
    [
      'u-pfa-north',
      { userId: 'u-t4', role: 'USAGE_COLLECTOR', partnerId: 'p-north', customerId: 'c-acme' },
      'BAD_USER_INPUT',
    ],
    ['u-pfa-north', { userId: 'u-t4', role: 'USAGE_COLLECTOR' }, 'BAD_USER_INPUT'],
    [
      'u-fa-acme',
      { userId: 'u-t4', role: 'FULL_ADMIN', partnerId: 'p-north', customerId: 'c-acme' },
      'BAD_USER_INPUT',
    ],
  ];

it.each(CASES)('%s assigns %j: %s', async (actor, input, expected) => {
  const before = await counts(db);
  const held = await assignmentsOf(db, input.userId);
  const result = await org(db, actor, ASSIGN, { input });
  expect(outcome(result)).toBe(expected);
  const after = await counts(db);
  if (expected !== 'ok') {
    expect(result.data).toBeNull();
    expect(after).toEqual(before);
    return;
  }
  const assigned = (result.data as { assignRole: Record<string, unknown> }).assignRole;
  expect(assigned).toEqual({
    id: expect.any(String),
    role: input.role,
    user: { id: input.userId },
    partner: input.partnerId ? { id: input.partnerId } : null,
    customer: input.customerId ? { id: input.customerId } : null,
  });
  expect(after).toEqual({ assignments: before.assignments + 1, audit: before.audit + 1 });
  const [entry] = await db.ds.query(
    `SELECT actor_user_id, action, assignment_id, user_id, role, partner_id, customer_id,
            before_state, after_state FROM role_audit_log WHERE assignment_id = ?`,
    [assigned.id],
  );
  const customerPartner: Record<string, string> = {
    'c-acme': 'p-north',
    'c-globex': 'p-north',
    'c-initech': 'p-north',
  };
  const state = {
    assignmentId: assigned.id,
    userId: input.userId,
    role: input.role,
    partnerId: input.partnerId ?? null,
    customerId: input.customerId ?? null,
  };
  expect({ ...entry, after_state: JSON.parse(entry.after_state) }).toEqual({
    actor_user_id: actor,
    action: 'ASSIGNED',
    assignment_id: assigned.id,
    user_id: input.userId,
    role: input.role,
    partner_id: input.partnerId ?? customerPartner[input.customerId!],
    customer_id: input.customerId ?? null,
    before_state: null,
    after_state: state,
  });
  expect(await assignmentsOf(db, input.userId)).toHaveLength(held.length + 1);
});

it('returns the assignment a user already has, and changes nothing', async () => {
  const [existing] = await db.ds.query(
    `SELECT id FROM role_assignments WHERE user_id = 'u-ro-acme' AND role = 'READ_ONLY_ADMIN'`,
  );
  const before = await counts(db);
  for (const actor of ['u-pfa-north', 'u-fa-acme']) {
    const result = await org(db, actor, ASSIGN, {
      input: { userId: 'u-ro-acme', role: 'READ_ONLY_ADMIN', customerId: 'c-acme' },
    });
    expect(result).toEqual({
      data: {
        assignRole: {
          id: existing.id,
          role: 'READ_ONLY_ADMIN',
          user: { id: 'u-ro-acme' },
          partner: null,
          customer: { id: 'c-acme' },
        },
      },
    });
  }
  expect(await counts(db)).toEqual(before);
});

it('assigns the same role twice at once only once', async () => {
  const input = { userId: 'u-t5', role: 'SUPPORT_ADMIN', customerId: 'c-initech' };
  const results = await Promise.all([1, 2, 3].map(() => org(db, 'u-pfa-north', ASSIGN, { input })));
  const ids = results.map((r) => (r.data as { assignRole: { id: string } } | null)?.assignRole.id);
  expect(results.map(outcome)).toEqual(['ok', 'ok', 'ok']);
  expect(new Set(ids).size).toBe(1);
  expect(await assignmentsOf(db, 'u-t5')).toHaveLength(1);
  const [audit] = await db.ds.query(
    `SELECT COUNT(*) AS n FROM role_audit_log WHERE user_id = 'u-t5'`,
  );
  expect(Number(audit.n)).toBe(1);
});

it('refuses an out-of-scope and a missing scope or user with the same error', async () => {
  const refuse = async (input: Input) =>
    JSON.stringify(await org(db, 'u-fa-acme', ASSIGN, { input }));
  const hidden = await refuse(c('SUPPORT_ADMIN', 'c-umbrella', 'u-t3'));
  expect(await refuse(c('SUPPORT_ADMIN', 'c-does-not-exist', 'u-t3'))).toBe(hidden);
  expect(await refuse(c('SUPPORT_ADMIN', 'c-acme', 'u-does-not-exist'))).toBe(
    hidden.replace(/c-umbrella/g, 'c-acme'),
  );
  expect(hidden).toContain('FORBIDDEN');
});
