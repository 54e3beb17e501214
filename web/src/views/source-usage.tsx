import { useQuery } from '../api/use-query';
import { SourceUsageDocument } from '../generated/operations';
import type { SourceUsageQuery } from '../generated/operations';
import { CsvButton } from '../components/csv-button';
import { CustomerHeader } from '../components/customer-header';
import { DataAge } from '../components/data-age';
import { Empty, Loading, NotVisible, Problems } from '../components/states';
import { addDays, count, label, todayUtc } from '../format';

// Usage by source (#/customers/ID/usage): each Dedicated Instance cluster with its region, servers
// and every license type it reports, and each multi-tenant tenant likewise. One request.

type Subscription = NonNullable<SourceUsageQuery['customer']>['subscriptions'][number];
type Source = Subscription['clusters'][number] | Subscription['tenants'][number];

function UsageList({ source }: { source: Source }) {
  if (source.currentUsage === null) return <span>—</span>;
  if (source.currentUsage.length === 0) return <span class="age stale">no report</span>;
  return (
    <ul class="usage">
      {source.currentUsage.map((snapshot) => (
        <li key={snapshot.licenseType} data-license-type={snapshot.licenseType}>
          {label(snapshot.licenseType)}:{' '}
          <strong data-field="consumed">{count(snapshot.consumed)}</strong>{' '}
          <DataAge oldest={snapshot.reportedOn} />
        </li>
      ))}
    </ul>
  );
}

function SourceTable({
  kind,
  sources,
}: {
  kind: 'cluster' | 'tenant';
  sources: readonly Source[];
}) {
  const caption = kind === 'cluster' ? 'Dedicated Instance clusters' : 'Multi-tenant tenants';
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label={caption}>
      <table class="sources">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{kind === 'cluster' ? 'Cluster' : 'Tenant'}</th>
            <th scope="col">Region</th>
            {kind === 'cluster' ? <th scope="col">Servers</th> : null}
            <th scope="col">Licenses in use</th>
            <th scope="col">Last report stored</th>
          </tr>
        </thead>
        <tbody>
          {sources.map((source) => (
            <tr key={source.id} data-source-id={source.id}>
              <th scope="row">{source.name}</th>
              <td data-field="region">{source.region}</td>
              {'servers' in source ? (
                <td data-field="servers">
                  <details>
                    <summary>{source.servers.length} servers</summary>
                    <ul>
                      {source.servers.map((server) => (
                        <li key={server.hostname}>
                          {server.hostname} ({label(server.role)})
                        </li>
                      ))}
                    </ul>
                  </details>
                </td>
              ) : null}
              <td>
                <UsageList source={source} />
              </td>
              <td>
                {source.lastReportedAt
                  ? source.lastReportedAt.slice(0, 16).replace('T', ' ') + ' UTC'
                  : 'never'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SourceUsage({ customerId }: { customerId: string }) {
  const { loading, data, errors } = useQuery(SourceUsageDocument, { customerId });
  const customer = data?.customer;
  const today = todayUtc();
  if (!loading && data && customer === null) return <NotVisible what="customer" id={customerId} />;
  return (
    <>
      <CustomerHeader customerId={customerId} name={customer?.name} current="usage" />
      <Problems errors={errors} />
      {loading ? <Loading what="usage by source" /> : null}
      {customer && customer.subscriptions.length === 0 ? <Empty>No subscriptions.</Empty> : null}
      {customer?.subscriptions.map((subscription) => (
        <section key={subscription.id} aria-labelledby={`src-${subscription.id}`}>
          <h2 id={`src-${subscription.id}`}>
            {subscription.id}{' '}
            <span class="kind">
              {subscription.kind === 'DEDICATED_INSTANCE' ? 'Dedicated Instance' : 'Multi-tenant'},{' '}
              {label(subscription.status)}
            </span>
          </h2>
          {subscription.clusters.length > 0 ? (
            <SourceTable kind="cluster" sources={subscription.clusters} />
          ) : null}
          {subscription.tenants.length > 0 ? (
            <SourceTable kind="tenant" sources={subscription.tenants} />
          ) : null}
          {subscription.clusters.length + subscription.tenants.length === 0 ? (
            <Empty>No clusters or tenants.</Empty>
          ) : null}
        </section>
      ))}
      {customer ? (
        <CsvButton
          filename={`${customerId}-sources.csv`}
          report={{
            customerIds: [customerId],
            from: addDays(today, -29),
            to: today,
            granularity: 'DAY',
            groupBy: ['SOURCE', 'LICENSE_TYPE'],
          }}
        />
      ) : null}
    </>
  );
}
