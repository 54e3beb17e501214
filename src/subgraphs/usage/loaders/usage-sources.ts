import { dateTimeValue } from '../../../db/date-time-value';
import type { SourceType } from '../../../db/enums';
import { scopeCondition } from '../../../db/sql/scope-condition';
import { inList } from '../../../db/sql/placeholders';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';

export interface UsageSourceRow {
  id: string;
  sourceType: SourceType;
  lastReportedAt: Date | null;
}

/** Clusters and tenants (one table, one batch for both) that the viewer may read. */
export const usageSourceLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<UsageSourceRow>(async (ids) => {
    const scope = scopeCondition(viewerOf(ctx).scope.read, {
      customerId: 'customer_id',
      partnerId: 'partner_id',
    });
    const rows: Array<{
      id: string;
      source_type: SourceType;
      last_reported_at: Date | string | null;
    }> = await ctx.ds.query(
      `SELECT id, source_type, last_reported_at FROM usage_sources
       WHERE id IN ${inList(ids)} AND ${scope.sql}`,
      [...ids, ...scope.params],
    );
    return rows.map((row) => ({
      id: row.id,
      sourceType: row.source_type,
      lastReportedAt: dateTimeValue(row.last_reported_at),
    }));
  }),
);

/** A reference to a Cluster or Tenant: null when out of scope, unknown, or of the other kind. */
export async function usageSourceOfType(
  ctx: RequestContext,
  id: string,
  sourceType: SourceType,
): Promise<UsageSourceRow | null> {
  const row = await usageSourceLoader(ctx).load(id);
  return row?.sourceType === sourceType ? row : null;
}
