import type { SourceType } from '../../../db/enums';
import type { UsageSource } from '../types/usage-source.type';

/** The columns of a usage source that this subgraph shows, for `SELECT ${USAGE_SOURCE_COLUMNS}`. */
export const USAGE_SOURCE_COLUMNS = 'us.id, us.name, us.region, us.source_type, us.subscription_id';

export interface UsageSourceRecord {
  id: string;
  name: string;
  region: string;
  source_type: SourceType;
  subscription_id: string;
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
