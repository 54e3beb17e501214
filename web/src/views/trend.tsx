import { useMemo } from 'preact/hooks';
import { useQuery } from '../api/use-query';
import { TrendSourcesDocument, UsageTrendSeriesDocument } from '../generated/operations';
import type { Granularity, UsageTrendSeriesQuery } from '../generated/operations';
import { CsvButton } from '../components/csv-button';
import { CustomerHeader } from '../components/customer-header';
import { Empty, Loading, NotVisible, Problems } from '../components/states';
import { TrendChart } from '../components/trend-chart';
import type { TrendSeries } from '../components/trend-chart';
import { addDays, count, label, todayUtc } from '../format';
import { href, navigate } from '../router';
import { TrendControls } from './trend-controls';
import { ForecastNote, withForecast } from './trend-forecast';

// The trend (#/customers/ID/trend?subscription=…&source=…&granularity=…&from=…&to=…&type=…):
// consumed against purchased per day, week or month for a subscription, or one of its clusters or
// tenants against the subscription's purchased. Two requests: what can be chosen, then the series.

export interface TrendChoice {
  subscription: string;
  source: string;
  granularity: Granularity;
  from: string;
  to: string;
  type: string;
}

const GRANULARITIES: Granularity[] = ['DAY', 'WEEK', 'MONTH'];

function seriesOf(data: UsageTrendSeriesQuery, choice: TrendChoice): TrendSeries {
  const own = choice.source ? (data.cluster ?? data.tenant)?.usage : null;
  const consumedRows = choice.source
    ? (own ?? []).filter((point) => point.licenseType === choice.type)
    : data.usageReport.rows.filter((row) => row.licenseType === choice.type);
  const purchasedRows = data.usageReport.rows.filter((row) => row.licenseType === choice.type);
  const consumed = new Map(consumedRows.map((row) => [row.period, row.consumed]));
  const purchased = new Map(purchasedRows.map((row) => [row.period, row.purchased ?? null]));
  const periods = [...new Set([...consumed.keys(), ...purchased.keys()])].sort();
  return {
    periods,
    consumed: periods.map((period) => consumed.get(period) ?? null),
    purchased: periods.map((period) => purchased.get(period) ?? null),
  };
}

export function Trend({ customerId, params }: { customerId: string; params: URLSearchParams }) {
  const sources = useQuery(TrendSourcesDocument, { customerId });
  const customer = sources.data?.customer;
  const today = todayUtc();
  const subscriptions = customer?.subscriptions ?? [];
  const chosenSubscription =
    subscriptions.find((s) => s.id === params.get('subscription')) ?? subscriptions[0];
  const sourceList = chosenSubscription
    ? [...chosenSubscription.clusters, ...chosenSubscription.tenants]
    : [];
  const source = sourceList.find((s) => s.id === params.get('source'));
  const granularity = GRANULARITIES.find((g) => g === params.get('granularity')) ?? 'DAY';
  const to = params.get('to') ?? today;
  const from = params.get('from') ?? addDays(to, -89);
  const choice: TrendChoice = {
    subscription: chosenSubscription?.id ?? '',
    source: source?.id ?? '',
    granularity,
    from,
    to,
    type: params.get('type') ?? '',
  };
  const isCluster = Boolean(source && chosenSubscription?.clusters.some((c) => c.id === source.id));
  const series = useQuery(
    UsageTrendSeriesDocument,
    chosenSubscription
      ? {
          subscriptionId: chosenSubscription.id,
          from,
          to,
          granularity,
          sourceId: source?.id ?? '',
          isCluster,
          isTenant: Boolean(source) && !isCluster,
          isSource: Boolean(source),
        }
      : null,
  );
  const types: string[] = [
    ...new Set((series.data?.usageReport.rows ?? []).map((row) => row.licenseType ?? '')),
  ].filter(Boolean);
  if (!types.includes(choice.type)) choice.type = types[0] ?? '';
  const forecast = series.data?.subscription?.forecast?.find((f) => f.licenseType === choice.type);
  const rangeDays = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const drawn = useMemo(() => {
    if (!series.data || !choice.type) return null;
    const own = seriesOf(series.data, choice);
    return forecast ? withForecast(own, forecast, granularity, rangeDays) : own;
  }, [series.data, choice.type, choice.source, forecast, granularity, rangeDays]);
  const change = (next: Partial<TrendChoice>) =>
    navigate(href(['customers', customerId, 'trend'], { ...choice, ...next }));

  if (!sources.loading && sources.data && customer === null) {
    return <NotVisible what="customer" id={customerId} />;
  }
  const what = source ? `${source.name} (${source.region})` : choice.subscription;
  return (
    <>
      <CustomerHeader customerId={customerId} name={customer?.name} current="trend" />
      <Problems errors={[...sources.errors, ...series.errors]} />
      {sources.loading ? <Loading what="subscriptions" /> : null}
      {customer && subscriptions.length === 0 ? <Empty>No subscriptions.</Empty> : null}
      {chosenSubscription ? (
        <TrendControls
          key={`${from}/${to}`}
          choice={choice}
          subscriptions={subscriptions}
          sources={sourceList}
          types={types}
          granularities={GRANULARITIES}
          onChange={change}
        />
      ) : null}
      {series.loading ? <Loading what="the trend" /> : null}
      {drawn && drawn.periods.length === 0 ? <Empty>No usage reported in this range.</Empty> : null}
      {drawn && drawn.periods.length > 0 ? (
        <>
          {forecast ? <ForecastNote forecast={forecast} /> : null}
          <TrendChart
            series={drawn}
            label={`${label(choice.type)} consumed by ${what} against ${choice.subscription}'s purchased, per ${granularity.toLowerCase()}, ${from} to ${to}`}
          />
          <div class="scroll" tabIndex={0} role="region" aria-label="Trend as a table">
            <table class="numbers trend">
              <caption>
                {label(choice.type)} per {granularity.toLowerCase()}: {what}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Period from</th>
                  <th scope="col">Consumed</th>
                  <th scope="col">Purchased ({choice.subscription})</th>
                </tr>
              </thead>
              <tbody>
                {/* Reported buckets only: the forecast is in words above the chart. */}
                {drawn.periods.map((period, index) =>
                  period > to ? null : (
                    <tr key={period} data-period={period}>
                      <th scope="row">{period}</th>
                      <td data-field="consumed">{count(drawn.consumed[index])}</td>
                      <td data-field="purchased">{count(drawn.purchased[index])}</td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {chosenSubscription ? (
        <CsvButton
          filename={`${choice.subscription}-trend.csv`}
          report={{
            subscriptionIds: [choice.subscription],
            from,
            to,
            granularity,
            groupBy: source ? ['SOURCE', 'LICENSE_TYPE'] : ['SUBSCRIPTION', 'LICENSE_TYPE'],
          }}
        />
      ) : null}
    </>
  );
}
