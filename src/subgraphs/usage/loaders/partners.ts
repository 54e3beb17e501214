import { visiblePartnersSql } from '../../../db/queries/visible-organizations';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';

/**
 * Partner references: the partners the organizations subgraph shows (docs/architecture.md: a
 * partner's id is readable by everyone who may read one of its customers). Whether the viewer may
 * see the partner's analytics is the permissions' business, which answer FORBIDDEN.
 */
export const partnerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<{ id: string }>((ids) => {
    const viewer = viewerOf(ctx);
    const visible = visiblePartnersSql(ids, viewer.scope.read, {
      partnerIds: viewer.assignments.flatMap((a) => (a.partnerId ? [a.partnerId] : [])),
      customerIds: viewer.assignments.flatMap((a) => (a.customerId ? [a.customerId] : [])),
    });
    return ctx.ds.query(visible.sql, visible.params);
  }),
);
