import type { DayBucket } from '../../../db/day-buckets';
import type { LicenseType } from '../../../db/enums';
import { groupedLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { badUserInput } from '../../../graphql/errors';
import { perArguments } from '../../../graphql/per-arguments';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';
import { usageBuckets } from '../queries/usage-buckets';
import type { UsageBucketRow } from '../queries/usage-buckets';

export interface UsagePointArgs {
  from: string;
  to: string;
  bucket: DayBucket;
  /** Sorted and distinct, or null for every license type. */
  licenseTypes: LicenseType[] | null;
}

/** Points the usage series of one request have read so far (the cap is MAX_USAGE_POINTS). */
const pointsRead = perRequest((_ctx: RequestContext) => ({ count: 0 }));

function tooManyPoints(max: number) {
  return badUserInput(
    `The usage series of this request hold more than ${max} points: ask for fewer sources, a ` +
      'shorter range or a coarser granularity, or export usage as CSV with GET /reports/usage.csv',
    { maxPoints: max },
  );
}

/**
 * Per source, its usage buckets between two days. Every series of one request together reads at
 * most MAX_USAGE_POINTS points (each statement asks for no more than what is left): beyond, the
 * series fail with BAD_USER_INPUT, like a report over its row cap, whatever the cost estimated.
 */
export const usagePointLoader = perArguments((ctx, args: UsagePointArgs) =>
  groupedLoader<UsageBucketRow>(
    async (sourceIds) => {
      const { maxPoints } = ctx.settings.series;
      const read = pointsRead(ctx);
      if (read.count >= maxPoints) throw tooManyPoints(maxPoints);
      const rows = await usageBuckets(ctx.ds, {
        ...args,
        sourceIds,
        grant: viewerOf(ctx).scope.read,
        limit: maxPoints - read.count + 1,
      });
      read.count += rows.length;
      if (read.count > maxPoints) throw tooManyPoints(maxPoints);
      return rows;
    },
    (row) => row.sourceId,
  ),
);
