import { revokeRole } from '../../../src/subgraphs/organizations/mutations/revoke-role';
import { loadViewer } from '../../../src/auth/load-viewer';
import {
  ASSIGN,
  REVOKE,
  assignmentId,
  assignmentsOf,
  counts,
  org,
  outcome,
  useRolesDatabase,
} from './setup';
import { TEST_SETTINGS } from '../../support/subgraph';

// Who may revoke what, the last full admins no one may revoke (also under concurrent revokes),
// and the audit record of each revocation.

const db = useRolesDatabase();

async function give(actor: string, input: Record<string, string>): Promise<string> {
  const result = await org(db, actor, ASSIGN, { input });
  expect(outcome(result)).toBe('ok');
  return (result.data as { assignRole: { id: string } }).assignRole.id;
}

it('lets each admin revoke what it may assign, and records it', async () => {
  const byCustomerAdmin = await give('u-fa-acme', {
    userId: 'u-t1',
    role: 'SUPPORT_ADMIN',
    customerId: 'c-acme',
  });
  const byPartnerAdmin = await give('u-pfa-north', {
    userId: 'u-t1',
    role: 'PARTNER_ADMIN',
    customerId: 'c-globex',
  });
  expect(await org(db, 'u-fa-acme', REVOKE, { id: byCustomerAdmin })).toEqual({
    data: { revokeRole: true },
  });
  // A customer admin may not touch a partner's PARTNER_ADMIN role, even on another customer.
  expect(outcome(await org(db, 'u-fa-acme', REVOKE, { id: byPartnerAdmin }))).toBe('FORBIDDEN');
  expect(await org(db, 'u-pfa-north', REVOKE, { id: byPartnerAdmin })).toEqual({
    data: { revokeRole: true },
  });
  expect(await assignmentsOf(db, 'u-t1')).toEqual([]);
  const entries = await db.ds.query(
    `SELECT actor_user_id, action, role, partner_id, customer_id, before_state, after_state
     FROM role_audit_log WHERE user_id = 'u-t1' AND action = 'REVOKED' ORDER BY role`,
  );
  expect(
    entries.map((e: { before_state: string }) => ({
      ...e,
      before_state: JSON.parse(e.before_state),
    })),
  ).toEqual([
    {
      actor_user_id: 'u-pfa-north',
      action: 'REVOKED',
      role: 'PARTNER_ADMIN',
      partner_id: 'p-north',
      customer_id: 'c-globex',
      before_state: {
        assignmentId: byPartnerAdmin,
        userId: 'u-t1',
        role: 'PARTNER_ADMIN',
        partnerId: null,
        customerId: 'c-globex',
      },
      after_state: null,
    },
    {
      actor_user_id: 'u-fa-acme',
      action: 'REVOKED',
      role: 'SUPPORT_ADMIN',
      partner_id: 'p-north',
      customer_id: 'c-acme',
      before_state: {
        assignmentId: byCustomerAdmin,
        userId: 'u-t1',
        role: 'SUPPORT_ADMIN',
        partnerId: null,
        customerId: 'c-acme',
      },
      after_state: null,
    },
  ]);
});

it('refuses the roles nobody else may revoke, writing nothing', async () => {
  const before = await counts(db);
  const cases: Array<[string, string]> = [
    ['u-fa-acme', await assignmentId(db, 'u-pa-north', 'PARTNER_ADMIN', 'customer:c-acme')],
    ['u-fa-acme', await assignmentId(db, 'u-uc-north', 'USAGE_COLLECTOR', 'partner:p-north')],
    ['u-pfa-north', await assignmentId(db, 'u-pfa-south', 'PARTNER_FULL_ADMIN', 'partner:p-south')],
    ['u-ro-acme', await assignmentId(db, 'u-sa-acme', 'SUPPORT_ADMIN', 'customer:c-acme')],
    ['u-pro-north', await assignmentId(db, 'u-sa-acme', 'SUPPORT_ADMIN', 'customer:c-acme')],
    ['u-sa-acme', await assignmentId(db, 'u-sa-acme', 'SUPPORT_ADMIN', 'customer:c-acme')],
    ['u-none', await assignmentId(db, 'u-sa-acme', 'SUPPORT_ADMIN', 'customer:c-acme')],
  ];
  for (const [actor, id] of cases) {
    expect([actor, outcome(await org(db, actor, REVOKE, { id }))]).toEqual([actor, 'FORBIDDEN']);
  }
  expect(await counts(db)).toEqual(before);
});

it('answers a hidden and a missing assignment id byte for byte alike', async () => {
  const hidden = await assignmentId(db, 'u-pfa-south', 'PARTNER_FULL_ADMIN', 'partner:p-south');
  const a = JSON.stringify(await org(db, 'u-pfa-north', REVOKE, { id: hidden }));
  const b = JSON.stringify(await org(db, 'u-pfa-north', REVOKE, { id: 'no-such-assignment' }));
  expect(a).toBe(b);
});

it('never revokes the last FULL_ADMIN of a customer or PARTNER_FULL_ADMIN of a partner', async () => {
  const before = await counts(db);
  const lastFull = await assignmentId(db, 'u-fa-acme', 'FULL_ADMIN', 'customer:c-acme');
  const lastPartnerFull = await assignmentId(
    db,
    'u-pfa-north',
    'PARTNER_FULL_ADMIN',
    'partner:p-north',
  );
  for (const [actor, id, message] of [
    ['u-fa-acme', lastFull, 'Cannot revoke the last FULL_ADMIN of customer c-acme'],
    ['u-pfa-north', lastFull, 'Cannot revoke the last FULL_ADMIN of customer c-acme'],
    [
      'u-pfa-north',
      lastPartnerFull,
      'Cannot revoke the last PARTNER_FULL_ADMIN of partner p-north',
    ],
  ]) {
    const result = await org(db, actor, REVOKE, { id });
    expect(outcome(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toContain(message);
  }
  expect(await counts(db)).toEqual(before);
});

it('keeps one of two full admins when both are revoked at the same time', async () => {
  const second = await give('u-pfa-north', {
    userId: 'u-t2',
    role: 'FULL_ADMIN',
    customerId: 'c-initech',
  });
  const first = await give('u-pfa-north', {
    userId: 'u-t3',
    role: 'FULL_ADMIN',
    customerId: 'c-initech',
  });
  const viewer = (await loadViewer(db.ds, 'u-pfa-north'))!;
  const ctx = { ds: db.ds, viewer, today: '2026-11-29', settings: TEST_SETTINGS };
  const results = await Promise.allSettled([revokeRole(ctx, first), revokeRole(ctx, second)]);
  const outcomes = results.map((r) =>
    r.status === 'fulfilled'
      ? 'revoked'
      : (r.reason as { extensions: { code: string } }).extensions.code,
  );
  expect(outcomes.sort()).toEqual(['BAD_USER_INPUT', 'revoked']);
  const left = await db.ds.query(
    `SELECT COUNT(*) AS n FROM role_assignments WHERE customer_id = 'c-initech' AND role = 'FULL_ADMIN'`,
  );
  expect(Number(left[0].n)).toBe(1);
});
