import type { ExecutionResult } from 'graphql';
import { organizationsSubgraph } from '../../../src/subgraphs/organizations';
import type { TestDatabase } from '../../support/database';
import { openFixtureDatabase } from '../../support/fixture-database';
import { useForAll } from '../../support/late-bound';
import { runAs } from '../../support/subgraph';

// The graph fixture plus users without roles that the role tests hand roles to, so that no
// actor's own scope changes while a file runs.

export const TARGETS = ['u-t1', 'u-t2', 'u-t3', 'u-t4', 'u-t5'];

export async function openRolesDatabase(): Promise<TestDatabase> {
  const db = await openFixtureDatabase();
  for (const id of TARGETS) {
    await db.ds.query('INSERT INTO users (id, email, display_name) VALUES (?, ?, ?)', [
      id,
      `${id}@example.example`,
      id,
    ]);
  }
  return db;
}

/** The file's database, opened before its tests and closed after them. */
export function useRolesDatabase(): TestDatabase {
  return useForAll('the roles test database', openRolesDatabase, (db) => db.close());
}

export const ASSIGN = `mutation($input: AssignRoleInput!) {
  assignRole(input: $input) { id role user { id } partner { id } customer { id } }
}`;
export const REVOKE = 'mutation($id: ID!) { revokeRole(id: $id) }';

export function org(db: TestDatabase, userId: string | null, source: string, variables = {}) {
  return runAs(organizationsSubgraph, db.ds, userId, source, variables);
}

/** The one error code of a result, or 'ok' when it has none. */
export function outcome(result: ExecutionResult): string {
  if (!result.errors?.length) return 'ok';
  return String(result.errors[0].extensions?.code ?? 'INTERNAL');
}

export interface AssignmentRow {
  id: string;
  user_id: string;
  role: string;
  partner_id: string | null;
  customer_id: string | null;
}

export async function assignmentsOf(db: TestDatabase, userId: string): Promise<AssignmentRow[]> {
  return db.ds.query(
    `SELECT id, user_id, role, partner_id, customer_id FROM role_assignments
     WHERE user_id = ? ORDER BY role, id`,
    [userId],
  );
}

export async function assignmentId(
  db: TestDatabase,
  userId: string,
  role: string,
  scopeKey: string,
): Promise<string> {
  const rows: Array<{ id: string }> = await db.ds.query(
    'SELECT id FROM role_assignments WHERE user_id = ? AND role = ? AND scope_key = ?',
    [userId, role, scopeKey],
  );
  if (rows.length !== 1) throw new Error(`no ${role} of ${userId} on ${scopeKey}`);
  return rows[0].id;
}

export async function counts(db: TestDatabase): Promise<{ assignments: number; audit: number }> {
  const [a] = await db.ds.query('SELECT COUNT(*) AS n FROM role_assignments');
  const [l] = await db.ds.query('SELECT COUNT(*) AS n FROM role_audit_log');
  return { assignments: Number(a.n), audit: Number(l.n) };
}
