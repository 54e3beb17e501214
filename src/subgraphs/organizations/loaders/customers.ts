import { inList, scopeCondition } from '../../../db/scope-condition';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';
import type { Customer } from '../types/customer.type';

/** Customers the viewer may read, and those its own role assignments name. */
export const customerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<Customer>(async (ids) => {
    const viewer = viewerOf(ctx);
    const scope = scopeCondition(viewer.scope.read, { customerId: 'id', partnerId: 'partner_id' });
    const own = viewer.assignments.flatMap((a) => (a.customerId ? [a.customerId] : []));
    const rows: Array<{ id: string; name: string; partner_id: string }> = await ctx.ds.query(
      `SELECT id, name, partner_id FROM customers
       WHERE id IN ${inList(ids)} AND (${scope.sql}${own.length ? ` OR id IN ${inList(own)}` : ''})`,
      [...ids, ...scope.params, ...own],
    );
    return rows.map((row) => ({ id: row.id, name: row.name, partnerId: row.partner_id }));
  }),
);
