import { scopeCondition } from '../../../db/sql/scope-condition';
import { inList } from '../../../db/sql/placeholders';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';

/**
 * LicenseSubscription references: the subscriptions the viewer reads, as the subscriptions
 * subgraph shows them; any other id resolves to null.
 */
export const subscriptionLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<{ id: string }>((ids) => {
    const read = scopeCondition(viewerOf(ctx).scope.read, {
      customerId: 's.customer_id',
      partnerId: 's.partner_id',
    });
    return ctx.ds.query(
      `SELECT s.id FROM subscriptions s WHERE s.id IN ${inList(ids)} AND ${read.sql}`,
      [...ids, ...read.params],
    );
  }),
);
