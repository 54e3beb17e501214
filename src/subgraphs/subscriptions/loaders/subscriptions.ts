import type DataLoader from 'dataloader';
import { inList } from '../../../db/sql/placeholders';
import { byIdLoader, groupedLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import type { SubscriptionKind, SubscriptionStatus } from '../../../graphql/enums';
import { perRequest } from '../../../graphql/per-request';
import { readableSubscriptionLoader } from '../../../graphql/visible-loaders';
import { readScope } from '../queries/read-scope';
import { SUBSCRIPTION_COLUMNS, toLicenseSubscription } from '../queries/subscription-rows';
import type { SubscriptionRecord } from '../queries/subscription-rows';
import type { LicenseSubscription } from '../types/license-subscription.type';

/** Subscriptions the viewer may read, by id. */
export const subscriptionLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<LicenseSubscription>(async (ids) => {
    const scope = readScope(ctx, 's');
    const rows: SubscriptionRecord[] = await ctx.ds.query(
      `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions s
       WHERE s.id IN ${inList(ids)} AND ${scope.sql}`,
      [...ids, ...scope.params],
    );
    for (const row of rows) readableSubscriptionLoader(ctx).prime(row.id, { id: row.id });
    return rows.map(toLicenseSubscription);
  }),
);

export interface SubscriptionFilter {
  kinds?: readonly SubscriptionKind[];
  statuses?: readonly SubscriptionStatus[];
}

function customerSubscriptions(
  ctx: RequestContext,
  filter: SubscriptionFilter,
): DataLoader<string, LicenseSubscription[]> {
  return groupedLoader(
    async (customerIds) => {
      const scope = readScope(ctx, 's');
      const where = [`s.customer_id IN ${inList(customerIds)}`, scope.sql];
      const params: unknown[] = [...customerIds, ...scope.params];
      if (filter.kinds) {
        where.push(`s.kind IN ${inList(filter.kinds)}`);
        params.push(...filter.kinds);
      }
      if (filter.statuses) {
        where.push(`s.status IN ${inList(filter.statuses)}`);
        params.push(...filter.statuses);
      }
      const rows: SubscriptionRecord[] = await ctx.ds.query(
        `SELECT ${SUBSCRIPTION_COLUMNS} FROM subscriptions s WHERE ${where.join(' AND ')}
       ORDER BY s.id`,
        params,
      );
      const subscriptions = rows.map(toLicenseSubscription);
      // Read under the same scope: sources asked for their subscription find it here.
      for (const subscription of subscriptions) {
        subscriptionLoader(ctx).prime(subscription.id, subscription);
        readableSubscriptionLoader(ctx).prime(subscription.id, { id: subscription.id });
      }
      return subscriptions;
    },
    (subscription) => subscription.customerId,
  );
}

// One loader per distinct filter in the request: customers asked with the same arguments share
// one statement, so the count follows the query's shape.
const customerSubscriptionLoaders = perRequest(
  (_ctx: RequestContext) => new Map<string, DataLoader<string, LicenseSubscription[]>>(),
);

/** The readable subscriptions of customers, ordered by id, limited to the kinds and statuses. */
export function customerSubscriptionsLoader(
  ctx: RequestContext,
  filter: SubscriptionFilter,
): DataLoader<string, LicenseSubscription[]> {
  const normalised = {
    kinds: filter.kinds ? [...new Set(filter.kinds)].sort() : undefined,
    statuses: filter.statuses ? [...new Set(filter.statuses)].sort() : undefined,
  };
  const key = JSON.stringify(normalised);
  const loaders = customerSubscriptionLoaders(ctx);
  let loader = loaders.get(key);
  if (!loader) {
    loader = customerSubscriptions(ctx, normalised);
    loaders.set(key, loader);
  }
  return loader;
}
