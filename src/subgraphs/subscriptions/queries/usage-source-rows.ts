import { dateTimeValue } from '../../../db/date-time-value';
import type { SourceType } from '../../../db/enums';
import type { RequestContext } from '../../../graphql/context';
import { readableSourceLoader } from '../../../graphql/visible-loaders';
import type { UsageSource } from '../types/usage-source.type';

/** The columns of a usage source that this subgraph shows, for `SELECT ${USAGE_SOURCE_COLUMNS}`. */
export const USAGE_SOURCE_COLUMNS =
  'us.id, us.name, us.region, us.source_type, us.subscription_id, us.last_reported_at';

export interface UsageSourceRecord {
  id: string;
  name: string;
  region: string;
  source_type: SourceType;
  subscription_id: string;
  last_reported_at: Date | string | null;
}

export function toUsageSource(row: UsageSourceRecord): UsageSource {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    sourceType: row.source_type,
    subscriptionId: row.subscription_id,
  };
}

/**
 * Rows read under the viewer's read scope are what a Cluster or Tenant reference to them resolves
 * to: the shared loader learns them (graphql/visible-loaders.ts).
 */
export function primeReadableSources(
  ctx: RequestContext,
  rows: readonly UsageSourceRecord[],
): void {
  const readable = readableSourceLoader(ctx);
  for (const row of rows) {
    readable.prime(row.id, {
      id: row.id,
      sourceType: row.source_type,
      lastReportedAt: dateTimeValue(row.last_reported_at),
    });
  }
}
