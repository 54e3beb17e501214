import type { Logger } from 'typeorm';
import { loadViewer } from '../../../src/auth/load-viewer';
import type { Viewer } from '../../../src/auth/load-viewer';
import type { Capability } from '../../../src/auth/roles';
import type { Scope } from '../../../src/auth/scope';
import { Role } from '../../../src/db/enums';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';

// The scope of every role, computed by loadViewer from rows in a real database. The expectations
// are written out by hand from `enum Role` in the contract, not derived from ROLE_RULES, so that a
// wrong entry in the role table makes this test fail.

const PARTNERS: Record<string, string[]> = {
  'p-north': ['c-n1', 'c-n2', 'c-n3'],
  'p-south': ['c-s1', 'c-s2'],
};
const CUSTOMERS = Object.entries(PARTNERS).flatMap(([partnerId, ids]) =>
  ids.map((customerId) => ({ partnerId, customerId })),
);

type Grants = Partial<Record<Capability, { partnerIds?: string[]; customerIds?: string[] }>>;
const ALL: Capability[] = ['read', 'readAdmin', 'analytics', 'manageRoles', 'ingest'];

/** A user and its assignments: [role, 'partner' | 'customer', id]. */
type Assignment = [Role, 'partner' | 'customer', string];

let statements = 0;
const counter: Logger = {
  logQuery: () => void statements++,
  logQueryError: () => undefined,
  logQuerySlow: () => undefined,
  logSchemaBuild: () => undefined,
  logMigration: () => undefined,
  log: () => undefined,
};

let db: TestDatabase;
let nextId = 0;

async function createUser(id: string, assignments: Assignment[] = []): Promise<string[]> {
  await db.ds.query('INSERT INTO users (id, email, display_name) VALUES (?, ?, ?)', [
    id,
    `${id}@example.com`,
    `User ${id}`,
  ]);
  const ids: string[] = [];
  for (const [role, level, target] of assignments) {
    const assignmentId = `ra-${++nextId}`;
    await db.ds.query(
      `INSERT INTO role_assignments (id, user_id, role, partner_id, customer_id, scope_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        assignmentId,
        id,
        role,
        level === 'partner' ? target : null,
        level === 'customer' ? target : null,
        `${level}:${target}`,
        `2026-01-01 00:00:${String(nextId % 60).padStart(2, '0')}.000`,
      ],
    );
    ids.push(assignmentId);
  }
  return ids;
}

async function viewerOf(userId: string): Promise<Viewer> {
  const viewer = await loadViewer(db.ds, userId);
  if (!viewer) throw new Error(`no viewer for ${userId}`);
  return viewer;
}

/** The scope as plain sorted data, every capability present. */
function grantsOf(scope: Scope) {
  return Object.fromEntries(
    ALL.map((c) => [
      c,
      {
        partnerIds: [...scope.grant(c).partnerIds].sort(),
        customerIds: [...scope.grant(c).customerIds].sort(),
      },
    ]),
  );
}

function expected(grants: Grants) {
  return Object.fromEntries(
    ALL.map((c) => [
      c,
      {
        partnerIds: [...(grants[c]?.partnerIds ?? [])].sort(),
        customerIds: [...(grants[c]?.customerIds ?? [])].sort(),
      },
    ]),
  );
}

/** The fixture's customers on which the capability holds, through allows(). */
const effective = (scope: Scope, capability: Capability) =>
  CUSTOMERS.filter((c) => scope.allows(capability, c)).map((c) => c.customerId);

beforeAll(async () => {
  db = await openTestDatabase({ logger: counter });
  for (const [partnerId, customerIds] of Object.entries(PARTNERS)) {
    await db.ds.query('INSERT INTO partners (id, name) VALUES (?, ?)', [partnerId, partnerId]);
    for (const customerId of customerIds) {
      await db.ds.query('INSERT INTO customers (id, partner_id, name) VALUES (?, ?, ?)', [
        customerId,
        partnerId,
        `Customer ${customerId}`,
      ]);
    }
  }
});
afterAll(() => db.close());

const north = { partnerIds: ['p-north'] };
const south = { partnerIds: ['p-south'] };
const cN2 = { customerIds: ['c-n2'] };

const ROLE_CASES: Array<{
  name: string;
  assignment: Assignment;
  grants: Grants;
  reads: string[];
}> = [
  {
    name: 'PARTNER_FULL_ADMIN',
    assignment: [Role.PARTNER_FULL_ADMIN, 'partner', 'p-north'],
    grants: { read: north, readAdmin: north, analytics: north, manageRoles: north },
    reads: ['c-n1', 'c-n2', 'c-n3'],
  },
  {
    name: 'PARTNER_READ_ONLY_ADMIN',
    assignment: [Role.PARTNER_READ_ONLY_ADMIN, 'partner', 'p-north'],
    grants: { read: north, readAdmin: north, analytics: north },
    reads: ['c-n1', 'c-n2', 'c-n3'],
  },
  {
    name: 'PARTNER_ADMIN',
    assignment: [Role.PARTNER_ADMIN, 'customer', 'c-n2'],
    grants: { read: cN2 },
    reads: ['c-n2'],
  },
  {
    name: 'FULL_ADMIN',
    assignment: [Role.FULL_ADMIN, 'customer', 'c-n2'],
    grants: { read: cN2, readAdmin: cN2, manageRoles: cN2 },
    reads: ['c-n2'],
  },
  {
    name: 'READ_ONLY_ADMIN',
    assignment: [Role.READ_ONLY_ADMIN, 'customer', 'c-n2'],
    grants: { read: cN2, readAdmin: cN2 },
    reads: ['c-n2'],
  },
  {
    name: 'SUPPORT_ADMIN',
    assignment: [Role.SUPPORT_ADMIN, 'customer', 'c-n2'],
    grants: { read: cN2 },
    reads: ['c-n2'],
  },
  {
    name: 'USAGE_COLLECTOR on a partner',
    assignment: [Role.USAGE_COLLECTOR, 'partner', 'p-south'],
    grants: { ingest: south },
    reads: [],
  },
  {
    name: 'USAGE_COLLECTOR on a customer',
    assignment: [Role.USAGE_COLLECTOR, 'customer', 'c-s1'],
    grants: { ingest: { customerIds: ['c-s1'] } },
    reads: [],
  },
];

describe('loadViewer scope', () => {
  it('has a case for every role of the contract', () => {
    expect(new Set(ROLE_CASES.map((c) => c.assignment[0]))).toEqual(new Set(Object.values(Role)));
  });

  it.each(ROLE_CASES)('$name: exactly the grants of the role', async (roleCase) => {
    const userId = `u-${roleCase.name.replace(/\W+/g, '-').toLowerCase()}`;
    const [assignmentId] = await createUser(userId, [roleCase.assignment]);
    const [role, level, target] = roleCase.assignment;

    const viewer = await viewerOf(userId);
    expect(viewer.user).toEqual({
      id: userId,
      email: `${userId}@example.com`,
      displayName: `User ${userId}`,
    });
    expect(viewer.assignments).toEqual([
      {
        id: assignmentId,
        userId,
        role,
        partnerId: level === 'partner' ? target : null,
        customerId: level === 'customer' ? target : null,
      },
    ]);
    expect(viewer.scope.userId).toBe(userId);
    expect(grantsOf(viewer.scope)).toEqual(expected(roleCase.grants));
    expect(effective(viewer.scope, 'read')).toEqual(roleCase.reads);
  });

  it('gives a user with several roles the union of them', async () => {
    await createUser('u-several', [
      [Role.PARTNER_READ_ONLY_ADMIN, 'partner', 'p-north'],
      [Role.FULL_ADMIN, 'customer', 'c-s1'],
      [Role.USAGE_COLLECTOR, 'customer', 'c-s2'],
    ]);
    const { scope, assignments } = await viewerOf('u-several');

    expect(assignments.map((a) => a.role)).toEqual([
      Role.PARTNER_READ_ONLY_ADMIN,
      Role.FULL_ADMIN,
      Role.USAGE_COLLECTOR,
    ]);
    const s1 = { customerIds: ['c-s1'] };
    expect(grantsOf(scope)).toEqual(
      expected({
        read: { ...north, ...s1 },
        readAdmin: { ...north, ...s1 },
        analytics: north,
        manageRoles: s1,
        ingest: { customerIds: ['c-s2'] },
      }),
    );
    expect(effective(scope, 'read')).toEqual(['c-n1', 'c-n2', 'c-n3', 'c-s1']);
    // Read-only on the north partner: reading it does not let it change anything there.
    expect(effective(scope, 'manageRoles')).toEqual(['c-s1']);
    expect(scope.allows('analytics', { partnerId: 'p-south' })).toBe(false);
  });

  it('gives a PARTNER_ADMIN of two customers exactly those two, and no analytics', async () => {
    await createUser('u-partner-admin-2', [
      [Role.PARTNER_ADMIN, 'customer', 'c-n1'],
      [Role.PARTNER_ADMIN, 'customer', 'c-n3'],
    ]);
    const { scope } = await viewerOf('u-partner-admin-2');

    expect(grantsOf(scope)).toEqual(expected({ read: { customerIds: ['c-n1', 'c-n3'] } }));
    expect(effective(scope, 'read')).toEqual(['c-n1', 'c-n3']);
    // Knowing the partner of its customers does not open the partner's other customers.
    expect(scope.allows('read', { partnerId: 'p-north' })).toBe(false);
    expect(scope.allows('read', { customerId: 'c-n2', partnerId: 'p-north' })).toBe(false);
    expect(scope.isEmpty('analytics')).toBe(true);
    expect(scope.allows('analytics', { partnerId: 'p-north' })).toBe(false);
  });

  it('stops granting a revoked assignment on the next load', async () => {
    const [fullAdmin, readOnly] = await createUser('u-revoked', [
      [Role.FULL_ADMIN, 'customer', 'c-n1'],
      [Role.READ_ONLY_ADMIN, 'customer', 'c-n2'],
    ]);
    expect(effective((await viewerOf('u-revoked')).scope, 'manageRoles')).toEqual(['c-n1']);

    await db.ds.query('DELETE FROM role_assignments WHERE id = ?', [fullAdmin]);
    const afterOne = await viewerOf('u-revoked');
    expect(afterOne.assignments.map((a) => a.id)).toEqual([readOnly]);
    expect(grantsOf(afterOne.scope)).toEqual(
      expected({ read: { customerIds: ['c-n2'] }, readAdmin: { customerIds: ['c-n2'] } }),
    );

    await db.ds.query('DELETE FROM role_assignments WHERE id = ?', [readOnly]);
    const afterBoth = await viewerOf('u-revoked');
    expect(afterBoth.assignments).toEqual([]);
    expect(ALL.filter((c) => !afterBoth.scope.isEmpty(c))).toEqual([]);
  });

  it('gives a user with no roles an empty scope', async () => {
    await createUser('u-no-roles');
    const viewer = await viewerOf('u-no-roles');
    expect(viewer.user.id).toBe('u-no-roles');
    expect(viewer.assignments).toEqual([]);
    expect(grantsOf(viewer.scope)).toEqual(expected({}));
    expect(CUSTOMERS.some((c) => ALL.some((cap) => viewer.scope.allows(cap, c)))).toBe(false);
  });

  it('returns null for an unknown user, and for an id that differs only in case or spaces', async () => {
    await createUser('u-exact', [[Role.FULL_ADMIN, 'customer', 'c-n1']]);
    expect(await loadViewer(db.ds, 'u-nobody')).toBeNull();
    expect(await loadViewer(db.ds, 'U-EXACT')).toBeNull();
    expect(await loadViewer(db.ds, 'u-exact ')).toBeNull();
    expect(await loadViewer(db.ds, '')).toBeNull();
  });

  it('loads a viewer in one SQL statement, however many roles it holds', async () => {
    await createUser('u-counted', [
      [Role.PARTNER_FULL_ADMIN, 'partner', 'p-south'],
      [Role.FULL_ADMIN, 'customer', 'c-n1'],
      [Role.SUPPORT_ADMIN, 'customer', 'c-n2'],
      [Role.USAGE_COLLECTOR, 'partner', 'p-north'],
    ]);
    statements = 0;
    const viewer = await viewerOf('u-counted');
    expect(statements).toBe(1);
    expect(viewer.assignments).toHaveLength(4);
  });
});
