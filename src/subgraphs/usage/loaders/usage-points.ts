import type { DayBucket } from '../../../db/day-buckets';
import type { LicenseType } from '../../../db/enums';
import { groupedLoader } from '../../../graphql/by-id-loader';
import { viewerOf } from '../../../graphql/viewer-of';
import { usageBuckets } from '../queries/usage-buckets';
import type { UsageBucketRow } from '../queries/usage-buckets';
import { perArguments } from '../../../graphql/per-arguments';

export interface UsagePointArgs {
  from: string;
  to: string;
  bucket: DayBucket;
  /** Sorted and distinct, or null for every license type. */
  licenseTypes: LicenseType[] | null;
}

/** Per source, its usage buckets between two days. */
export const usagePointLoader = perArguments((ctx, args: UsagePointArgs) =>
  groupedLoader<UsageBucketRow>(
    (sourceIds) => usageBuckets(ctx.ds, { ...args, sourceIds, grant: viewerOf(ctx).scope.read }),
    (row) => row.sourceId,
  ),
);
