import type { DataSource } from 'typeorm';
import type { Role } from '../db/enums';
import { isRole } from './roles';
import { Scope } from './scope';

// Who is asking: the user and its role assignments in one statement, read afresh for every
// request. Nothing here is cached across calls, because revoking a role deletes its row and the
// very next request must no longer be allowed what that role allowed.

export interface ViewerUser {
  id: string;
  email: string;
  displayName: string;
}

export interface RoleAssignmentRow {
  id: string;
  userId: string;
  role: Role;
  partnerId: string | null;
  customerId: string | null;
}

export interface Viewer {
  user: ViewerUser;
  assignments: RoleAssignmentRow[];
  scope: Scope;
}

interface JoinedRow {
  user_id: string;
  email: string;
  display_name: string;
  assignment_id: string | null;
  role: string | null;
  partner_id: string | null;
  customer_id: string | null;
}

// The left join keeps the user's row when it holds no role (then the assignment columns are NULL).
// role_assignments is found through its unique key, which starts with user_id.
const VIEWER_SQL = `
  SELECT u.id AS user_id, u.email, u.display_name,
         ra.id AS assignment_id, ra.role, ra.partner_id, ra.customer_id
  FROM users u
  LEFT JOIN role_assignments ra ON ra.user_id = u.id
  WHERE u.id = ?
  ORDER BY ra.created_at, ra.id`;

/** The viewer for a verified token's user id; null when no such user exists. */
export async function loadViewer(ds: DataSource, userId: string): Promise<Viewer | null> {
  const rows: JoinedRow[] = await ds.query(VIEWER_SQL, [userId]);
  const [first] = rows;
  // MySQL compares ids case- and trailing-space-insensitively (utf8mb4_unicode_ci); a token's sub
  // must name the user exactly, as it does on SQLite.
  if (first === undefined || first.user_id !== userId) return null;

  const user = { id: first.user_id, email: first.email, displayName: first.display_name };
  const assignments: RoleAssignmentRow[] = [];
  for (const row of rows) {
    // A role written by a newer version than this one is skipped: it must grant nothing here,
    // and it could not be shown as a Role either.
    if (row.assignment_id === null || !isRole(row.role)) continue;
    assignments.push({
      id: row.assignment_id,
      userId: user.id,
      role: row.role,
      partnerId: row.partner_id,
      customerId: row.customer_id,
    });
  }
  return { user, assignments, scope: Scope.fromAssignments(user.id, assignments) };
}
