import { inList, scopeCondition } from '../../../db/scope-condition';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';
import type { Customer } from '../types/customer.type';

/**
 * Customer references this subgraph answers: the customers the viewer may read, and those its own
 * role assignments name — the same customers the organizations subgraph shows, so that a customer
 * it returns never loses its `subscriptions` (they are cut to the read scope on their own).
 */
export const customerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<Customer>(async (ids) => {
    const viewer = viewerOf(ctx);
    const scope = scopeCondition(viewer.scope.read, {
      customerId: 'c.id',
      partnerId: 'c.partner_id',
    });
    const own = viewer.assignments.flatMap((a) => (a.customerId ? [a.customerId] : []));
    const rows: Array<{ id: string }> = await ctx.ds.query(
      `SELECT c.id FROM customers c
       WHERE c.id IN ${inList(ids)} AND (${scope.sql}${own.length ? ` OR c.id IN ${inList(own)}` : ''})`,
      [...ids, ...scope.params, ...own],
    );
    return rows.map((row) => ({ id: row.id }));
  }),
);
