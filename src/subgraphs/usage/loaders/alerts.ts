import DataLoader from 'dataloader';
import { dailyTotals } from '../../../db/queries/daily-totals';
import { licenseSummaries } from '../../../db/queries/license-summaries';
import type { Grant } from '../../../db/sql/scope-condition';
import { MAX_BATCH } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perArguments } from '../../../graphql/per-arguments';
import { viewerOf } from '../../../graphql/viewer-of';
import { buildAlerts } from '../alerts/build-alerts';
import { DEFAULT_HISTORY_DAYS } from '../forecast/exhaustion';
import { forecastsByOwner } from '../forecast/forecasts';
import { ownersInScope } from '../../../db/sql/scope-condition';
import { historyStart } from './forecasts';
import { liveSubscriptions, sourceLastReports } from '../queries/alert-facts';
import type { AlertFactsQuery } from '../queries/alert-facts';
import { regionUsageRows } from '../queries/region-usage';
import type { LicenseAlert } from '../types/license-alert.type';

/**
 * Alerts of many owners on one day, computed on read from five statements (live subscriptions,
 * their summaries, the sources' last reports, region usage, the subscriptions' daily totals over
 * the forecast's history), whatever the number of owners.
 */
function alertLoader(level: AlertFactsQuery['level'], grantOf: (ctx: RequestContext) => Grant) {
  return perArguments(
    (ctx, args: { asOf: string }) =>
      new DataLoader<string, LicenseAlert[]>(
        async (ownerIds) => {
          const query: AlertFactsQuery = { level, ownerIds, grant: grantOf(ctx), asOf: args.asOf };
          const [subscriptions, sources, regions, totals] = await Promise.all([
            liveSubscriptions(ctx.ds, query),
            sourceLastReports(ctx.ds, query),
            regionUsageRows(ctx.ds, { ...query, licenseTypes: null }),
            dailyTotals(
              ctx.ds,
              'subscription_id',
              ownersInScope(
                level === 'customer' ? 'customer_id' : 'partner_id',
                ownerIds,
                query.grant,
              ),
              historyStart(args.asOf, DEFAULT_HISTORY_DAYS),
              args.asOf,
            ),
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
          const forecasts = forecastsByOwner(summaries, totals, args.asOf);
          return ownerIds.map((ownerId) =>
            buildAlerts(
              {
                subscriptions: subscriptions.filter((s) => s.ownerId === ownerId),
                summaries: summaries.filter((s) => ownerOfSubscription.get(s.ownerId) === ownerId),
                sources: sources.filter((s) => s.ownerId === ownerId),
                regions: regions.filter((r) => r.ownerId === ownerId),
                forecasts,
              },
              args.asOf,
              ctx.settings.alerts,
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
