import { AssignRoleDocument, RevokeRoleDocument } from '../../generated/operations';
import { send } from '../../support/typed-request';
import { useFixtureStack } from './fixture-stack';

// The contract's AssignRole and RevokeRole operations through the gateway, and what they change
// for the user concerned: a role works on the next request after it is assigned, and stops on the
// next request after it is revoked, with the very same token.

const { db, stack } = useFixtureStack();

const READ = '{ customer(id: "c-acme") { id subscriptions { id } } }';

it('grants and withdraws a role from one request to the next', async () => {
  const token = { authorization: `Bearer ${await stack.token('u-none', '10m')}` };
  expect((await stack.request(READ, {}, token)).body).toEqual({ data: { customer: null } });

  const assigned = await send(
    stack,
    AssignRoleDocument,
    { input: { userId: 'u-none', role: 'READ_ONLY_ADMIN', customerId: 'c-acme' } },
    'u-fa-acme',
  );
  expect(assigned.errors).toBeUndefined();
  expect(assigned.data?.assignRole).toEqual({
    id: expect.any(String),
    role: 'READ_ONLY_ADMIN',
    user: { id: 'u-none' },
    partner: null,
    customer: { id: 'c-acme' },
  });
  expect((await stack.request(READ, {}, token)).body).toEqual({
    data: {
      customer: { id: 'c-acme', subscriptions: [{ id: 'Sub-100001' }, { id: 'Sub-100002' }] },
    },
  });

  const revoked = await send(
    stack,
    RevokeRoleDocument,
    { id: assigned.data!.assignRole.id },
    'u-fa-acme',
  );
  expect(revoked).toEqual({ status: 200, data: { revokeRole: true }, errors: undefined });
  expect((await stack.request(READ, {}, token)).body).toEqual({ data: { customer: null } });
});

it('stops a revoked full admin from managing roles on its next request', async () => {
  const second = await send(
    stack,
    AssignRoleDocument,
    { input: { userId: 'u-none', role: 'FULL_ADMIN', customerId: 'c-acme' } },
    'u-pfa-north',
  );
  const token = { authorization: `Bearer ${await stack.token('u-none', '10m')}` };
  const assign =
    'mutation { assignRole(input: { userId: "u-none", role: SUPPORT_ADMIN, customerId: "c-acme" }) { role } }';
  expect((await stack.request(assign, {}, token)).body).toEqual({
    data: { assignRole: { role: 'SUPPORT_ADMIN' } },
  });
  await send(stack, RevokeRoleDocument, { id: second.data!.assignRole.id }, 'u-pfa-north');
  const after = await stack.request(assign.replace('SUPPORT_ADMIN', 'READ_ONLY_ADMIN'), {}, token);
  expect(after.body.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  const audit = await db.ds.query(
    `SELECT actor_user_id, action, role FROM role_audit_log WHERE user_id = 'u-none' ORDER BY id`,
  );
  expect(audit).toEqual([
    { actor_user_id: 'u-fa-acme', action: 'ASSIGNED', role: 'READ_ONLY_ADMIN' },
    { actor_user_id: 'u-fa-acme', action: 'REVOKED', role: 'READ_ONLY_ADMIN' },
    { actor_user_id: 'u-pfa-north', action: 'ASSIGNED', role: 'FULL_ADMIN' },
    { actor_user_id: 'u-none', action: 'ASSIGNED', role: 'SUPPORT_ADMIN' },
    { actor_user_id: 'u-pfa-north', action: 'REVOKED', role: 'FULL_ADMIN' },
  ]);
});
