import { useQuery } from '../api/use-query';
import { CustomerRegionsDocument } from '../generated/operations';
import { CsvButton } from '../components/csv-button';
import { CustomerHeader } from '../components/customer-header';
import { Empty, Loading, NotVisible, Problems } from '../components/states';
import { addDays, count, label, percent, todayUtc } from '../format';

// Region usage (#/customers/ID/regions): per region and license type the consumption, the sources
// reporting it and how many of them report 0, and the region's share of the customer. One request.

export function RegionUsage({ customerId }: { customerId: string }) {
  const { loading, data, errors } = useQuery(CustomerRegionsDocument, { customerId });
  const customer = data?.customer;
  const today = todayUtc();
  if (!loading && data && customer === null) return <NotVisible what="customer" id={customerId} />;
  const rows = customer?.regionUsage;
  return (
    <>
      <CustomerHeader customerId={customerId} name={customer?.name} current="regions" />
      <Problems errors={errors} />
      {loading ? <Loading what="region usage" /> : null}
      {rows && rows.length === 0 ? <Empty>No region reports usage.</Empty> : null}
      {rows && rows.length > 0 ? (
        <div class="scroll" tabIndex={0} role="region" aria-label="Usage per region">
          <table class="numbers regions">
            <caption>Usage per region and license type</caption>
            <thead>
              <tr>
                <th scope="col">Region</th>
                <th scope="col">License type</th>
                <th scope="col">Consumed</th>
                <th scope="col">Sources</th>
                <th scope="col">Idle sources</th>
                <th scope="col">Share of customer</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr
                  key={`${row.region}-${row.licenseType}`}
                  data-region={row.region}
                  data-license-type={row.licenseType}
                  class={row.sources > 0 && row.idleSources === row.sources ? 'idle' : undefined}
                >
                  <th scope="row">{row.region}</th>
                  <td class="text">{label(row.licenseType)}</td>
                  <td data-field="consumed">{count(row.consumed)}</td>
                  <td data-field="sources">{count(row.sources)}</td>
                  <td data-field="idleSources">
                    {count(row.idleSources)}
                    {row.sources > 0 && row.idleSources === row.sources ? ' (all idle)' : ''}
                  </td>
                  <td data-field="shareOfCustomer">{percent(row.shareOfCustomer)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {customer ? (
        <CsvButton
          filename={`${customerId}-regions.csv`}
          report={{
            customerIds: [customerId],
            from: addDays(today, -29),
            to: today,
            granularity: 'DAY',
            groupBy: ['REGION', 'LICENSE_TYPE'],
          }}
        />
      ) : null}
    </>
  );
}
