import DataLoader from 'dataloader';
import { dailyTotals } from '../../../db/queries/daily-totals';
import { licenseSummaries } from '../../../db/queries/license-summaries';
import { ownersInScope } from '../../../db/sql/scope-condition';
import { addDays } from '../../../days';
import { MAX_BATCH } from '../../../graphql/by-id-loader';
import { perArguments } from '../../../graphql/per-arguments';
import { viewerOf } from '../../../graphql/viewer-of';
import { forecastsByOwner } from '../forecast/forecasts';
import type { LicenseForecast } from '../types/planning/license-forecast.type';

export type ForecastLevel = 'subscription' | 'customer';

/** The last `historyDays` days up to asOf, both included. */
export const historyStart = (asOf: string, historyDays: number) =>
  addDays(asOf, -(historyDays - 1));

/**
 * Forecasts of many owners from two statements (their summaries on asOf, their daily totals over
 * the history), whatever the number of owners or license types.
 */
function forecastLoader(level: ForecastLevel) {
  const owner = level === 'subscription' ? 'subscription_id' : 'customer_id';
  return perArguments(
    (ctx, args: { asOf: string; historyDays: number }) =>
      new DataLoader<string, LicenseForecast[]>(
        async (ownerIds) => {
          const grant = viewerOf(ctx).scope.read;
          const [summaries, totals] = await Promise.all([
            licenseSummaries(ctx.ds, { level, ownerIds, grant, asOf: args.asOf }),
            dailyTotals(
              ctx.ds,
              owner,
              ownersInScope(owner, ownerIds, grant),
              historyStart(args.asOf, args.historyDays),
              args.asOf,
            ),
          ]);
          const byOwner = forecastsByOwner(summaries, totals, args.asOf);
          return ownerIds.map((id) => byOwner.get(id) ?? []);
        },
        { maxBatchSize: MAX_BATCH },
      ),
  );
}

export const subscriptionForecastLoader = forecastLoader('subscription');
export const customerForecastLoader = forecastLoader('customer');
