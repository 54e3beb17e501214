import { licenseSummaries } from '../../../db/queries/license-summaries';
import type { LicenseSummaryRow, SummaryLevel } from '../../../db/queries/license-summaries';
import type { Grant } from '../../../db/sql/scope-condition';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';
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

type SummaryLoader = ReturnType<typeof summaryLoader>;

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

/** One owner's summary on asOf (default today, UTC), batched with the others of its level. */
export async function licenseSummaryOf(
  loader: SummaryLoader,
  ctx: RequestContext,
  args: AsOfArgs,
  ownerId: string,
): Promise<LicenseSummary[]> {
  const asOf = asOfDay(args, ctx);
  const rows = await loader(ctx, { asOf }).load(ownerId);
  return rows.map(({ ownerId: _ownerId, ...summary }) => ({ ...summary, asOf }));
}
