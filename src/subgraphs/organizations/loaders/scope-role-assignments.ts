import { groupedLoader } from '../../../graphql/by-id-loader';
import { inList } from '../../../db/sql/placeholders';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import type { RoleAssignmentRecord } from './role-assignments';
import { toRoleAssignment } from './role-assignments';

// Every assignment held on a customer, or on a partner itself, for Customer.roleAssignments and
// Partner.roleAssignments: one statement for all the parents of a request. Whether the viewer may
// read them is decided by the field's rule (permissions.ts) before these run.

const COLUMNS = 'id, user_id, role, partner_id, customer_id';

export const customerRoleAssignmentsLoader = perRequest((ctx: RequestContext) =>
  groupedLoader(
    async (customerIds) => {
      const rows: RoleAssignmentRecord[] = await ctx.ds.query(
        `SELECT ${COLUMNS} FROM role_assignments
         WHERE customer_id IN ${inList(customerIds)} AND scope_key LIKE 'customer:%'
         ORDER BY created_at, id`,
        [...customerIds],
      );
      return rows.map(toRoleAssignment);
    },
    (assignment) => assignment.customerId ?? '',
  ),
);

export const partnerRoleAssignmentsLoader = perRequest((ctx: RequestContext) =>
  groupedLoader(
    async (partnerIds) => {
      const rows: RoleAssignmentRecord[] = await ctx.ds.query(
        `SELECT ${COLUMNS} FROM role_assignments
         WHERE partner_id IN ${inList(partnerIds)} AND scope_key LIKE 'partner:%'
         ORDER BY created_at, id`,
        [...partnerIds],
      );
      return rows.map(toRoleAssignment);
    },
    (assignment) => assignment.partnerId ?? '',
  ),
);
