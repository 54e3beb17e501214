import { visibleCustomersSql } from '../../../db/queries/visible-organizations';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';

/**
 * Customer references: the customers the other subgraphs show too (read, or named by the viewer's
 * own assignments); their licenseSummary is cut to the read grant on its own.
 */
export const customerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<{ id: string }>((ids) => {
    const viewer = viewerOf(ctx);
    const own = viewer.assignments.flatMap((a) => (a.customerId ? [a.customerId] : []));
    const visible = visibleCustomersSql(ids, viewer.scope.read, own);
    return ctx.ds.query(visible.sql, visible.params);
  }),
);
