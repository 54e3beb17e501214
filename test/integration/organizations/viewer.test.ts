import { importDocument } from '../../../src/ingest/document/import-document';
import { useOrganizationsDatabase } from './setup';

// `viewer`: the user behind the token and its own role assignments, each with the partner or
// customer it is scoped to, whatever the role (a collector sees the scope it reports for).

const env = useOrganizationsDatabase();

const VIEWER = `{
  viewer {
    user { id email displayName }
    roles {
      id role user { id }
      partner { id name }
      customer { id name partner { id name } }
    }
  }
}`;

interface ViewerData {
  viewer: {
    user: unknown;
    roles: Array<{ id: string; [field: string]: unknown }>;
  };
}

function partner(id: string) {
  const found = env.fixture.partners.find((p) => p.id === id);
  if (!found) throw new Error(`no partner ${id} in the fixture`);
  return { id: found.id, name: found.name };
}

function customer(id: string) {
  const found = env.fixture.customers.find((c) => c.id === id);
  if (!found) throw new Error(`no customer ${id} in the fixture`);
  return { id: found.id, name: found.name, partner: partner(found.partnerId) };
}

/** The viewer as the fixture and the stored assignment ids describe it. */
function expectedViewer(userId: string) {
  const user = env.fixture.users.find((u) => u.id === userId)!;
  const roles = env.assignments
    .filter((a) => a.userId === userId)
    .map((a) => ({
      id: a.id,
      role: a.role,
      user: { id: userId },
      partner: a.partnerId ? partner(a.partnerId) : null,
      customer: a.customerId ? customer(a.customerId) : null,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { user: { id: user.id, email: user.email, displayName: user.displayName }, roles };
}

async function viewerOf(userId: string) {
  const { viewer } = (await env.data(userId, VIEWER)) as unknown as ViewerData;
  return { ...viewer, roles: [...viewer.roles].sort((a, b) => a.id.localeCompare(b.id)) };
}

describe('viewer', () => {
  it.each([
    ['u-pfa-north', 'a partner full admin'],
    ['u-pro-north', 'a partner read-only admin'],
    ['u-pa-north', 'a partner admin of two customers'],
    ['u-fa-acme', 'a customer full admin'],
    ['u-sa-acme', 'a support admin'],
    ['u-uc-north', 'a collector on a partner'],
    ['u-uc-acme', 'a collector on a customer'],
    ['u-mixed', 'a user with roles on both partners'],
  ])('shows %s (%s) itself and its own roles with their scope', async (userId) => {
    const want = expectedViewer(userId);
    expect(want.roles.length).toBeGreaterThan(0);
    expect({ userId, viewer: await viewerOf(userId) }).toEqual({ userId, viewer: want });
  });

  it('shows a user without roles itself and no roles', async () => {
    expect(await viewerOf('u-none')).toEqual({
      user: { id: 'u-none', email: 'nobody@example.example', displayName: 'No Roles' },
      roles: [],
    });
  });

  it("never shows another user's roles, even to an admin of their scope", async () => {
    // u-pfa-north administers every assignment on Northwind, yet `viewer` is about itself alone.
    const { roles } = await viewerOf('u-pfa-north');
    expect(roles.map((r) => r.id)).toEqual(
      env.assignments.filter((a) => a.userId === 'u-pfa-north').map((a) => a.id),
    );
  });

  it('reads the roles afresh on every request: a revoked role shows no more', async () => {
    // A user of its own, so that no other test depends on the row deleted here.
    const result = await importDocument(
      env.db.ds,
      {
        users: [{ id: 'u-revoked', email: 'revoked@example.example', displayName: 'Revoked' }],
        roleAssignments: [{ userId: 'u-revoked', role: 'READ_ONLY_ADMIN', customerId: 'c-wayne' }],
      },
      'revocation',
    );
    expect((result as { problems?: unknown[] }).problems ?? []).toEqual([]);
    const listed = async () =>
      (
        (await env.data('u-revoked', '{ customers { nodes { id } } }')) as {
          customers: { nodes: unknown[] };
        }
      ).customers.nodes;

    expect((await viewerOf('u-revoked')).roles).toEqual([
      expect.objectContaining({ role: 'READ_ONLY_ADMIN', customer: customer('c-wayne') }),
    ]);
    expect(await listed()).toEqual([{ id: 'c-wayne' }]);

    await env.db.ds.query('DELETE FROM role_assignments WHERE user_id = ?', ['u-revoked']);
    expect((await viewerOf('u-revoked')).roles).toEqual([]);
    expect(await listed()).toEqual([]);
  });
});
