import { useQuery } from '../api/use-query';
import { CustomerOverviewDocument } from '../generated/operations';
import { CsvButton } from '../components/csv-button';
import { CustomerHeader } from '../components/customer-header';
import { Empty, Loading, NotVisible, Problems } from '../components/states';
import { ReclaimableTable } from '../components/reclaimable-table';
import { SummaryTable } from '../components/summary-table';
import { addDays, label, todayUtc } from '../format';
import { href } from '../router';

// The customer's subscriptions (#/customers/ID): the customer's totals and what it could reclaim,
// then every multi-tenant and Dedicated Instance subscription with its status, end date and
// purchased / consumed / available per license type, and how old the data is. One request.

export function CustomerOverview({ customerId }: { customerId: string }) {
  const { loading, data, errors } = useQuery(CustomerOverviewDocument, { customerId });
  const customer = data?.customer;
  const today = todayUtc();
  if (!loading && data && customer === null) return <NotVisible what="customer" id={customerId} />;
  return (
    <>
      <CustomerHeader
        customerId={customerId}
        name={customer?.name}
        partner={customer?.partner}
        current=""
      />
      <Problems errors={errors} />
      {loading ? <Loading what="subscriptions" /> : null}
      {customer?.licenseSummary ? (
        <SummaryTable caption="All subscriptions together" lines={customer.licenseSummary} />
      ) : null}
      {customer?.reclaimable ? <ReclaimableTable lines={customer.reclaimable} /> : null}
      {customer && customer.subscriptions.length === 0 ? <Empty>No subscriptions.</Empty> : null}
      {customer?.subscriptions.map((subscription) => (
        <section
          key={subscription.id}
          class="subscription"
          data-subscription-id={subscription.id}
          aria-labelledby={`sub-${subscription.id}`}
        >
          <h2 id={`sub-${subscription.id}`}>
            {subscription.id}{' '}
            <span class="kind">
              {subscription.kind === 'DEDICATED_INSTANCE' ? 'Dedicated Instance' : 'Multi-tenant'}
            </span>
          </h2>
          <dl class="facts">
            <dt>Status</dt>
            <dd data-field="status" class={`status ${subscription.status}`}>
              {label(subscription.status)}
            </dd>
            <dt>Term</dt>
            <dd data-field="term">
              {subscription.startDate} to {subscription.endDate ?? 'open-ended'}
            </dd>
            <dt>{subscription.kind === 'DEDICATED_INSTANCE' ? 'Clusters' : 'Tenants'}</dt>
            <dd>
              {subscription.kind === 'DEDICATED_INSTANCE'
                ? subscription.clusters.length
                : subscription.tenants.length}{' '}
              (<a href={href(['customers', customerId, 'usage'])}>usage by source</a>,{' '}
              <a href={href(['customers', customerId, 'trend'], { subscription: subscription.id })}>
                trend
              </a>
              )
            </dd>
          </dl>
          {subscription.licenseSummary.length === 0 ? (
            <Empty>Nothing purchased or consumed today.</Empty>
          ) : (
            <SummaryTable
              caption={`${subscription.id} by license type`}
              lines={subscription.licenseSummary}
            />
          )}
        </section>
      ))}
      {customer ? (
        <CsvButton
          filename={`${customerId}-subscriptions.csv`}
          report={{
            customerIds: [customerId],
            from: addDays(today, -29),
            to: today,
            granularity: 'DAY',
            groupBy: ['SUBSCRIPTION', 'LICENSE_TYPE'],
          }}
        />
      ) : null}
    </>
  );
}
