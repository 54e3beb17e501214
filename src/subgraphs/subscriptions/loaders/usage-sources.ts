import type { SourceType } from '../../../db/enums';
import { inList } from '../../../db/sql/placeholders';
import { byIdLoader, groupedLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { readScope } from '../queries/read-scope';
import {
  USAGE_SOURCE_COLUMNS,
  primeReadableSources,
  toUsageSource,
} from '../queries/usage-source-rows';
import type { UsageSourceRecord } from '../queries/usage-source-rows';
import type { UsageSource } from '../types/usage-source.type';

/** Clusters and tenants the viewer may read, by id (callers check which of the two it is). */
export const usageSourceLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<UsageSource>(async (ids) => {
    const scope = readScope(ctx, 'us');
    const rows: UsageSourceRecord[] = await ctx.ds.query(
      `SELECT ${USAGE_SOURCE_COLUMNS} FROM usage_sources us
       WHERE us.id IN ${inList(ids)} AND ${scope.sql}`,
      [...ids, ...scope.params],
    );
    primeReadableSources(ctx, rows);
    return rows.map(toUsageSource);
  }),
);

/**
 * Clusters and tenants of subscriptions, by name then id. One loader for both kinds: a query
 * asking a subscription for its clusters and its tenants runs one statement.
 */
export const subscriptionSourcesLoader = perRequest((ctx: RequestContext) =>
  groupedLoader<UsageSource>(
    async (subscriptionIds) => {
      const scope = readScope(ctx, 'us');
      const rows: UsageSourceRecord[] = await ctx.ds.query(
        `SELECT ${USAGE_SOURCE_COLUMNS} FROM usage_sources us
       WHERE us.subscription_id IN ${inList(subscriptionIds)} AND ${scope.sql}
       ORDER BY us.name, us.id`,
        [...subscriptionIds, ...scope.params],
      );
      primeReadableSources(ctx, rows);
      return rows.map(toUsageSource);
    },
    (source) => source.subscriptionId,
  ),
);

/** A cluster or a tenant by id; null when out of scope or of the other kind. */
export async function usageSourceOfType(
  ctx: RequestContext,
  id: string,
  sourceType: SourceType,
): Promise<UsageSource | null> {
  const source = await usageSourceLoader(ctx).load(id);
  return source?.sourceType === sourceType ? source : null;
}
