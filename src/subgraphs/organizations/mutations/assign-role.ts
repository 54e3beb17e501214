import { randomUUID } from 'node:crypto';
import { RoleAuditAction } from '../../../db/entities/role-audit-entry.entity';
import type { RequestContext } from '../../../graphql/context';
import { viewerOf } from '../../../graphql/viewer-of';
import { dateTimeParameter } from '../../../db/sql/bulk';
import { inTransaction } from '../../../db/sql/transaction';
import type { RoleAssignmentRecord } from '../loaders/role-assignments';
import { requestedScope, scopeKeyOf } from './assignment-shape';
import type { AssignRoleRequest } from './assignment-shape';
import { recordRoleChange } from './audit-writer';
import { forUpdate } from './locking';
import { managedScope } from './managed-scope';
import { mayManage, notManageable } from './may-manage';

const ASSIGNMENT_COLUMNS = 'id, user_id, role, partner_id, customer_id';

/**
 * Gives a user a role, or returns the assignment it already has (idempotent, nothing recorded).
 * Order of checks: the request's shape (says nothing about the data), then the scope and the
 * user, both refused with the same FORBIDDEN whether they exist or not, then the write and its
 * audit record in one transaction.
 */
export async function assignRole(
  ctx: RequestContext,
  input: AssignRoleRequest,
): Promise<RoleAssignmentRecord> {
  const viewer = viewerOf(ctx);
  const requested = requestedScope(input);
  return inTransaction(ctx.ds, async (manager) => {
    const scope = await managedScope(manager, requested);
    if (!scope || !mayManage(viewer.scope, input.role, scope)) throw notManageable();
    const users: Array<{ id: string }> = await manager.query('SELECT id FROM users WHERE id = ?', [
      input.userId,
    ]);
    if (users[0]?.id !== input.userId) throw notManageable();

    const scopeKey = scopeKeyOf(requested);
    // Locked (MySQL: also the gap where it would go), so that two concurrent identical requests
    // cannot both insert: the second waits, or loses a deadlock and is retried, and finds this one.
    const existing: RoleAssignmentRecord[] = await manager.query(
      `SELECT ${ASSIGNMENT_COLUMNS} FROM role_assignments
       WHERE user_id = ? AND role = ? AND scope_key = ?${forUpdate(manager)}`,
      [input.userId, input.role, scopeKey],
    );
    if (existing.length > 0) return existing[0];

    const at = new Date();
    const row: RoleAssignmentRecord = {
      id: randomUUID(),
      user_id: input.userId,
      role: input.role,
      partner_id: requested.level === 'partner' ? requested.id : null,
      customer_id: requested.level === 'customer' ? requested.id : null,
    };
    await manager.query(
      `INSERT INTO role_assignments (${ASSIGNMENT_COLUMNS}, scope_key, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.user_id,
        row.role,
        row.partner_id,
        row.customer_id,
        scopeKey,
        dateTimeParameter(manager, at),
      ],
    );
    await recordRoleChange(manager, {
      actorUserId: viewer.user.id,
      action: RoleAuditAction.ASSIGNED,
      assignment: row,
      partnerId: scope.partnerId,
      at,
    });
    return row;
  });
}
