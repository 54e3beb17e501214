import type { Granularity, UsageTrendSeriesQuery } from '../generated/operations';
import type { TrendSeries } from '../components/trend-chart';
import { addDays, count } from '../format';

// The forecast on the trend: the API's fitted daily change carried forward from the range's last
// day (LicenseSubscription.forecast as of that day), drawn as a dashed line over the buckets ahead
// until it reaches purchased or a horizon as long as the range, with purchased held level.

export type Forecast = NonNullable<
  NonNullable<UsageTrendSeriesQuery['subscription']>['forecast']
>[number];

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The first day of each bucket after `last`, up to and including the one holding `until`. */
function bucketsAfter(last: string, until: string, granularity: Granularity): string[] {
  const periods: string[] = [];
  let next = last;
  for (;;) {
    if (granularity === 'DAY') next = addDays(next, 1);
    else if (granularity === 'WEEK') next = addDays(next, 7);
    else {
      const date = new Date(`${next}T00:00:00Z`);
      date.setUTCMonth(date.getUTCMonth() + 1, 1);
      next = date.toISOString().slice(0, 10);
    }
    if (next > until && periods.length > 0 && periods[periods.length - 1] >= until) break;
    periods.push(next);
    if (next >= until) break;
  }
  return periods;
}

export function withForecast(
  series: TrendSeries,
  forecast: Forecast,
  granularity: Granularity,
  rangeDays: number,
): TrendSeries {
  const last = series.periods[series.periods.length - 1];
  if (!last) return series;
  const horizon = addDays(forecast.asOf, Math.max(30, rangeDays));
  const until =
    forecast.exhaustionDate && forecast.exhaustionDate < horizon
      ? forecast.exhaustionDate
      : horizon;
  const ahead = bucketsAfter(last, until, granularity);
  const at = (day: string) =>
    Math.round(
      forecast.consumed + forecast.dailyTrend * Math.max(0, daysBetween(forecast.asOf, day)),
    );
  return {
    periods: [...series.periods, ...ahead],
    consumed: [...series.consumed, ...ahead.map(() => null)],
    purchased: [...series.purchased, ...ahead.map(() => forecast.purchased)],
    projected: [
      ...series.periods.map((period) =>
        period === last ? (series.consumed.at(-1) ?? null) : null,
      ),
      ...ahead.map(at),
    ],
  };
}

export function ForecastNote({ forecast }: { forecast: Forecast }) {
  const trend = `${forecast.dailyTrend >= 0 ? '+' : ''}${forecast.dailyTrend.toFixed(2)}`;
  return (
    <p class="forecast" role="note" data-exhaustion={forecast.exhaustionDate ?? ''}>
      <strong>Forecast</strong> (a fit over {forecast.historyDays} days up to {forecast.asOf}):{' '}
      {trend} licenses a day from {count(forecast.consumed)} in use.{' '}
      {forecast.exhaustionDate ? (
        <>
          Reaches the {count(forecast.purchased)} purchased on{' '}
          <strong data-field="exhaustionDate">{forecast.exhaustionDate}</strong>
          {forecast.earliest
            ? ` (between ${forecast.earliest} and ${forecast.latest ?? 'later'})`
            : ''}
          .
        </>
      ) : (
        <>
          Does not reach the {count(forecast.purchased)} purchased within three years at this trend.
        </>
      )}
    </p>
  );
}
