import { RoleAuditAction } from '../../../db/entities/role-audit-entry.entity';
import { Role } from '../../../db/enums';
import type { RequestContext } from '../../../graphql/context';
import { badUserInput } from '../../../graphql/errors';
import { viewerOf } from '../../../graphql/viewer-of';
import { inTransaction } from '../../../db/sql/transaction';
import type { RoleAssignmentRecord } from '../loaders/role-assignments';
import type { RequestedScope } from './assignment-shape';
import { recordRoleChange } from './audit-writer';
import { forUpdate } from './locking';
import { managedScope } from './managed-scope';
import { mayManage, notManageable } from './may-manage';

/** Roles a scope must never be left without: the last holder cannot be revoked. */
const LAST_HOLDER_GUARDED: ReadonlySet<Role> = new Set([Role.FULL_ADMIN, Role.PARTNER_FULL_ADMIN]);

interface StoredAssignment extends RoleAssignmentRecord {
  scope_key: string;
}

/** The scope an assignment row is keyed on ("partner:<id>" or "customer:<id>"). */
function scopeOfKey(scopeKey: string): RequestedScope | null {
  const match = /^(partner|customer):(.+)$/.exec(scopeKey);
  return match ? { level: match[1] as 'partner' | 'customer', id: match[2] } : null;
}

/**
 * Deletes an assignment the viewer may manage, with its audit record, in one transaction. Every
 * assignment of the same role on the same scope is locked first (MySQL: through the partner or
 * customer index, always in index order), so that of two concurrent revokes of a scope's last two
 * full admins the second sees the first's delete and is refused.
 */
export async function revokeRole(ctx: RequestContext, id: string): Promise<boolean> {
  const viewer = viewerOf(ctx);
  return inTransaction(ctx.ds, async (manager) => {
    const [row]: StoredAssignment[] = await manager.query(
      `SELECT id, user_id, role, partner_id, customer_id, scope_key FROM role_assignments
       WHERE id = ?`,
      [id],
    );
    const requested = row?.id === id ? scopeOfKey(row.scope_key) : null;
    const scope = requested ? await managedScope(manager, requested) : null;
    if (!row || !scope || !mayManage(viewer.scope, row.role, scope)) throw notManageable();

    const column = scope.level === 'partner' ? 'partner_id' : 'customer_id';
    const peers: Array<{ id: string }> = await manager.query(
      `SELECT id FROM role_assignments WHERE ${column} = ? AND role = ? AND scope_key = ?
       ORDER BY id${forUpdate(manager)}`,
      [requested!.id, row.role, row.scope_key],
    );
    // Revoked by a concurrent request since it was read: gone, like any missing id.
    if (!peers.some((peer) => peer.id === id)) throw notManageable();
    if (LAST_HOLDER_GUARDED.has(row.role) && peers.length <= 1) {
      throw badUserInput(
        `Cannot revoke the last ${row.role} of ${scope.level} ${requested!.id}: ` +
          `assign another one first`,
        { argumentName: 'id' },
      );
    }
    await manager.query('DELETE FROM role_assignments WHERE id = ?', [id]);
    await recordRoleChange(manager, {
      actorUserId: viewer.user.id,
      action: RoleAuditAction.REVOKED,
      assignment: row,
      partnerId: scope.partnerId,
      at: new Date(),
    });
    return true;
  });
}
