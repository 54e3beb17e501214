import { inList, scopeCondition } from '../../../db/scope-condition';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';

export interface PartnerRow {
  id: string;
  name: string;
}

/**
 * Partners the viewer may see: those it reads whole, those its own role assignments name (a viewer
 * may always see the scope of its own roles), and the partner of every customer it may see — one
 * it reads, or one its own assignments name (a collector's), whose non-null `partner` must resolve.
 */
export const partnerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<PartnerRow>(async (ids) => {
    const viewer = viewerOf(ctx);
    const read = viewer.scope.read;
    const own = viewer.assignments.flatMap((a) => (a.partnerId ? [a.partnerId] : []));
    const ownCustomers = viewer.assignments.flatMap((a) => (a.customerId ? [a.customerId] : []));
    const viaCustomers = scopeCondition(
      { partnerIds: new Set(), customerIds: new Set([...read.customerIds, ...ownCustomers]) },
      { customerId: 'c.id', partnerId: 'c.partner_id' },
    );
    const direct = [...read.partnerIds, ...own];
    return ctx.ds.query(
      `SELECT p.id, p.name FROM partners p
       WHERE p.id IN ${inList(ids)}
         AND (${direct.length > 0 ? `p.id IN ${inList(direct)}` : '1 = 0'}
              OR EXISTS (SELECT 1 FROM customers c WHERE c.partner_id = p.id AND ${viaCustomers.sql}))`,
      [...ids, ...direct, ...viaCustomers.params],
    );
  }),
);
