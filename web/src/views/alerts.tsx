import { useQuery } from '../api/use-query';
import { CustomerAlertsDocument, PartnerAlertListDocument } from '../generated/operations';
import type { AlertFieldsFragment, AlertSeverity } from '../generated/operations';
import { CustomerHeader } from '../components/customer-header';
import { Empty, Loading, NotVisible, Problems } from '../components/states';
import { count, label, SEVERITY_RANK } from '../format';
import { href, navigate } from '../router';

// Alerts of a partner (#/partners/ID/alerts) or of a customer (#/customers/ID/alerts): severity,
// what the alert is about, and by when to act, most severe first. One request.

const SEVERITIES: AlertSeverity[] = ['INFO', 'MINOR', 'MAJOR', 'CRITICAL'];

function bySeverity(a: AlertFieldsFragment, b: AlertFieldsFragment): number {
  return (
    SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
    (a.actionDue ?? '9999').localeCompare(b.actionDue ?? '9999')
  );
}

function AlertTable({
  alerts,
  withCustomer,
}: {
  alerts: AlertFieldsFragment[];
  withCustomer: boolean;
}) {
  return (
    <div class="scroll" tabIndex={0} role="region" aria-label="Alerts">
      <table class="alerts">
        <caption>{alerts.length} alerts, most severe first</caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Alert</th>
            {withCustomer ? <th scope="col">Customer</th> : null}
            <th scope="col">About</th>
            <th scope="col">Consumed / purchased</th>
            <th scope="col">Detected</th>
            <th scope="col">Action due</th>
          </tr>
        </thead>
        <tbody>
          {[...alerts].sort(bySeverity).map((alert, index) => (
            <tr key={index} data-kind={alert.kind} data-severity={alert.severity}>
              <td>
                <span class={`severity ${alert.severity}`}>{label(alert.severity)}</span>
              </td>
              <th scope="row">
                {label(alert.kind)}
                <br />
                <span class="hint">{alert.message}</span>
              </th>
              {withCustomer ? (
                <td>
                  <a href={href(['customers', alert.customer.id])}>{alert.customer.name}</a>
                </td>
              ) : null}
              <td>
                {[
                  alert.subscription?.id,
                  alert.source?.name,
                  alert.region,
                  alert.licenseType ? label(alert.licenseType) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </td>
              <td class="number">
                {alert.consumed === null && alert.purchased === null
                  ? '—'
                  : `${count(alert.consumed)} / ${count(alert.purchased)}`}
              </td>
              <td class="date">{alert.detectedOn}</td>
              <td class="date" data-field="actionDue">
                {alert.actionDue ?? '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Alerts({
  partnerId,
  customerId,
  params,
}: {
  partnerId?: string;
  customerId?: string;
  params: URLSearchParams;
}) {
  const chosen = params.get('severity') as AlertSeverity | null;
  const minSeverity = chosen && SEVERITIES.includes(chosen) ? chosen : null;
  const partner = useQuery(PartnerAlertListDocument, partnerId ? { partnerId, minSeverity } : null);
  const customer = useQuery(
    CustomerAlertsDocument,
    customerId ? { customerId, minSeverity } : null,
  );
  const state = partnerId ? partner : customer;
  const owner = partnerId ? partner.data?.partner : customer.data?.customer;
  const id = (partnerId ?? customerId)!;
  const base = partnerId ? ['partners', id, 'alerts'] : ['customers', id, 'alerts'];
  if (!state.loading && state.data && owner === null) {
    return <NotVisible what={partnerId ? 'partner' : 'customer'} id={id} />;
  }
  return (
    <>
      {partnerId ? (
        <>
          <h1>{owner?.name ?? partnerId}: alerts</h1>
          <nav aria-label="Partner views" class="tabs">
            <a href={href(['partners', partnerId])}>Customers</a>
            <a href={href(base)} aria-current="page">
              Alerts
            </a>
          </nav>
        </>
      ) : (
        <CustomerHeader customerId={id} name={owner?.name} current="alerts" />
      )}
      <form class="filters" onSubmit={(event) => event.preventDefault()}>
        <label for="min-severity">At least</label>
        <select
          id="min-severity"
          value={minSeverity ?? ''}
          onChange={(event) =>
            navigate(href(base, { severity: (event.target as HTMLSelectElement).value }))
          }
        >
          <option value="">every severity</option>
          {SEVERITIES.slice(1).map((severity) => (
            <option key={severity} value={severity}>
              {label(severity)}
            </option>
          ))}
        </select>
      </form>
      <Problems errors={state.errors} />
      {state.loading ? <Loading what="alerts" /> : null}
      {owner?.alerts && owner.alerts.length === 0 ? <Empty>No alerts.</Empty> : null}
      {owner?.alerts && owner.alerts.length > 0 ? (
        <AlertTable alerts={owner.alerts} withCustomer={Boolean(partnerId)} />
      ) : null}
    </>
  );
}
