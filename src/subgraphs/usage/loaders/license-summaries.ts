import { licenseSummaries } from '../../../db/queries/license-summaries';
import type { LicenseSummaryRow, SummaryLevel } from '../../../db/queries/license-summaries';
import type { Grant } from '../../../db/scope-condition';
import { groupedLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { viewerOf } from '../../../graphql/viewer-of';
import type { LicenseSummary } from '../types/license-summary.type';
import { perArguments } from '../../../graphql/per-arguments';

function summaryLoader(level: SummaryLevel, grantOf: (ctx: RequestContext) => Grant) {
  return perArguments((ctx, args: { asOf: string }) =>
    groupedLoader<LicenseSummaryRow>(
      (ownerIds) =>
        licenseSummaries(ctx.ds, { level, ownerIds, grant: grantOf(ctx), asOf: args.asOf }),
      (row) => row.ownerId,
    ),
  );
}

/** One statement per level and `asOf`, whatever the number of subscriptions asked. */
export const subscriptionSummaryLoader = summaryLoader(
  'subscription',
  (ctx) => viewerOf(ctx).scope.read,
);
export const customerSummaryLoader = summaryLoader('customer', (ctx) => viewerOf(ctx).scope.read);
/** Partner analytics: summed only over what the viewer's analytics grant covers. */
export const partnerSummaryLoader = summaryLoader(
  'partner',
  (ctx) => viewerOf(ctx).scope.analytics,
);

export function toLicenseSummary(
  { ownerId: _ownerId, ...summary }: LicenseSummaryRow,
  asOf: string,
): LicenseSummary {
  return { ...summary, asOf };
}
