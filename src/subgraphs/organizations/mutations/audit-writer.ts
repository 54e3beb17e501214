import type { EntityManager } from 'typeorm';
import { RoleAuditAction } from '../../../db/entities/role-audit-entry.entity';
import { dateTimeParameter } from '../../../db/sql/bulk';
import type { RoleAssignmentRecord } from '../loaders/role-assignments';

/** An assignment as the audit log keeps it before or after a change. */
export interface AssignmentState {
  assignmentId: string;
  userId: string;
  role: string;
  partnerId: string | null;
  customerId: string | null;
}

export function stateOf(row: RoleAssignmentRecord): AssignmentState {
  return {
    assignmentId: row.id,
    userId: row.user_id,
    role: row.role,
    partnerId: row.partner_id,
    customerId: row.customer_id,
  };
}

/**
 * Records one change in the same transaction as the change itself, so that there is never a
 * change without its record or a record of a change that was rolled back.
 */
export async function recordRoleChange(
  manager: EntityManager,
  change: {
    actorUserId: string;
    action: RoleAuditAction;
    assignment: RoleAssignmentRecord;
    /** The partner of the assignment's scope (the customer's partner for a customer role). */
    partnerId: string;
    at: Date;
  },
): Promise<void> {
  const { assignment } = change;
  const state = JSON.stringify(stateOf(assignment));
  const assigned = change.action === RoleAuditAction.ASSIGNED;
  await manager.query(
    `INSERT INTO role_audit_log (created_at, actor_user_id, action, assignment_id, user_id,
       role, partner_id, customer_id, before_state, after_state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      dateTimeParameter(manager, change.at),
      change.actorUserId,
      change.action,
      assignment.id,
      assignment.user_id,
      assignment.role,
      change.partnerId,
      assignment.customer_id,
      assigned ? null : state,
      assigned ? state : null,
    ],
  );
}
