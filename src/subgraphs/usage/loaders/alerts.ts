import DataLoader from 'dataloader';
import { licenseSummaries } from '../../../db/queries/license-summaries';
import type { Grant } from '../../../db/sql/scope-condition';
import { MAX_BATCH } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perArguments } from '../../../graphql/per-arguments';
import { viewerOf } from '../../../graphql/viewer-of';
import { buildAlerts } from '../alerts/build-alerts';
import { liveSubscriptions, sourceLastReports } from '../queries/alert-facts';
import type { AlertFactsQuery } from '../queries/alert-facts';
import { regionUsageRows } from '../queries/region-usage';
import type { LicenseAlert } from '../types/license-alert.type';

/**
 * Alerts of many owners on one day, computed on read from four statements (live subscriptions,
 * their summaries, the sources' last reports, region usage), whatever the number of owners.
 */
function alertLoader(level: AlertFactsQuery['level'], grantOf: (ctx: RequestContext) => Grant) {
  return perArguments(
    (ctx, args: { asOf: string }) =>
      new DataLoader<string, LicenseAlert[]>(
        async (ownerIds) => {
          const query: AlertFactsQuery = { level, ownerIds, grant: grantOf(ctx), asOf: args.asOf };
          const [subscriptions, sources, regions] = await Promise.all([
            liveSubscriptions(ctx.ds, query),
            sourceLastReports(ctx.ds, query),
            regionUsageRows(ctx.ds, { ...query, licenseTypes: null }),
          ]);
          const summaries =
            subscriptions.length === 0
              ? []
              : await licenseSummaries(ctx.ds, {
                  level: 'subscription',
                  ownerIds: subscriptions.map((s) => s.id),
                  grant: query.grant,
                  asOf: args.asOf,
                });
          const ownerOfSubscription = new Map(subscriptions.map((s) => [s.id, s.ownerId]));
          const mark = ctx.settings.alerts.lowAssignmentMark;
          return ownerIds.map((ownerId) =>
            buildAlerts(
              {
                subscriptions: subscriptions.filter((s) => s.ownerId === ownerId),
                summaries: summaries.filter((s) => ownerOfSubscription.get(s.ownerId) === ownerId),
                sources: sources.filter((s) => s.ownerId === ownerId),
                regions: regions.filter((r) => r.ownerId === ownerId),
              },
              args.asOf,
              mark,
            ),
          );
        },
        { maxBatchSize: MAX_BATCH },
      ),
  );
}

export const customerAlertLoader = alertLoader('customer', (ctx) => viewerOf(ctx).scope.read);
/** Partner analytics: only what the viewer's analytics grant covers. */
export const partnerAlertLoader = alertLoader('partner', (ctx) => viewerOf(ctx).scope.analytics);
