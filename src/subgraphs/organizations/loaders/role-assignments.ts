import { inList } from '../../../db/sql/placeholders';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';
import { adminVisibleAssignmentCondition } from '../../../auth/admin-visible-assignment';
import type { RoleAssignment } from '../types/role-assignment.type';

export interface RoleAssignmentRecord {
  id: string;
  user_id: string;
  role: RoleAssignment['role'];
  partner_id: string | null;
  customer_id: string | null;
}

export function toRoleAssignment(row: RoleAssignmentRecord): RoleAssignment {
  return {
    id: row.id,
    userId: row.user_id,
    role: row.role,
    partnerId: row.partner_id,
    customerId: row.customer_id,
  };
}

/** The viewer's own assignments, and others' where the viewer may read role assignments. */
export const roleAssignmentLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<RoleAssignment>(async (ids) => {
    const viewer = viewerOf(ctx);
    const visible = adminVisibleAssignmentCondition(viewer.scope.readAdmin, 'ra');
    const rows: RoleAssignmentRecord[] = await ctx.ds.query(
      `SELECT ra.id, ra.user_id, ra.role, ra.partner_id, ra.customer_id FROM role_assignments ra
       WHERE ra.id IN ${inList(ids)} AND (ra.user_id = ? OR ${visible.sql})`,
      [...ids, viewer.user.id, ...visible.params],
    );
    return rows.map(toRoleAssignment);
  }),
);
