import { useEffect, useState } from 'preact/hooks';
import { useQuery } from '../api/use-query';
import { PartnerCustomersDocument, VisibleCustomersDocument } from '../generated/operations';
import type { CustomerOrder, CustomerRowFragment } from '../generated/operations';
import { CsvButton } from '../components/csv-button';
import { DataAge } from '../components/data-age';
import { Empty, Loading, NotVisible, Problems } from '../components/states';
import { SummaryTable } from '../components/summary-table';
import { addDays, count, label, percent, ratio, SEVERITY_RANK, sum, todayUtc } from '../format';
import type { Severity } from '../format';
import { href, navigate } from '../router';

// The partner page (#/partners/ID): the partner's totals and its customers, searchable, ordered,
// a page at a time; and the same list for a viewer without a partner role (#/customers). One
// request per page of customers.

/** Customers per page, unless the URL says otherwise (?size=, 1 to 100). */
export const PAGE_SIZE = 20;

function pageSize(params: URLSearchParams): number {
  const size = Number(params.get('size'));
  return Number.isInteger(size) && size >= 1 && size <= 100 ? size : PAGE_SIZE;
}

const ORDERS: Record<string, { text: string; order: CustomerOrder }> = {
  name: { text: 'Name, A to Z', order: { field: 'NAME', direction: 'ASC' } },
  'utilization-desc': {
    text: 'Utilization, highest first',
    order: { field: 'UTILIZATION', direction: 'DESC' },
  },
  'utilization-asc': {
    text: 'Utilization, lowest first',
    order: { field: 'UTILIZATION', direction: 'ASC' },
  },
  'reclaimable-desc': {
    text: 'Reclaimable, most first',
    order: { field: 'RECLAIMABLE', direction: 'DESC' },
  },
};

function worstSeverity(alerts: CustomerRowFragment['alerts']): Severity | null {
  let worst: Severity | null = null;
  for (const alert of alerts ?? []) {
    if (worst === null || SEVERITY_RANK[alert.severity] > SEVERITY_RANK[worst])
      worst = alert.severity;
  }
  return worst;
}

function oldestReport(summary: CustomerRowFragment['licenseSummary']): string | null | undefined {
  const days = (summary ?? []).map((line) => line.oldestReportOn);
  if (days.length === 0) return undefined;
  if (days.some((day) => day === null)) return null;
  return (days as string[]).sort()[0];
}

function CustomerRow({ customer }: { customer: CustomerRowFragment }) {
  const summary = customer.licenseSummary ?? [];
  const purchased = sum(summary, (line) => line.purchased);
  const consumed = sum(summary, (line) => line.consumed);
  const worst = worstSeverity(customer.alerts);
  return (
    <tr data-customer-id={customer.id}>
      <th scope="row">
        <a href={href(['customers', customer.id])}>{customer.name}</a>
      </th>
      <td data-field="purchased">{customer.licenseSummary ? count(purchased) : '—'}</td>
      <td data-field="consumed">{customer.licenseSummary ? count(consumed) : '—'}</td>
      <td data-field="utilization">{percent(ratio(consumed, purchased))}</td>
      <td data-field="reclaimable">
        {customer.reclaimable ? count(sum(customer.reclaimable, (line) => line.reclaimable)) : '—'}
      </td>
      <td data-field="alerts">
        {customer.alerts === null ? (
          '—'
        ) : customer.alerts.length === 0 ? (
          'none'
        ) : (
          <a href={href(['customers', customer.id, 'alerts'])}>
            {customer.alerts.length} <span class={`severity ${worst}`}>{label(worst!)}</span>
          </a>
        )}
      </td>
      <td>
        <DataAge oldest={oldestReport(customer.licenseSummary)} />
      </td>
    </tr>
  );
}

interface Props {
  partnerId?: string;
  params: URLSearchParams;
}

export function CustomerList({ partnerId, params }: Props) {
  const search = params.get('q') ?? '';
  const orderKey = ORDERS[params.get('order') ?? ''] ? params.get('order')! : 'name';
  const size = pageSize(params);
  const sizeParam = size === PAGE_SIZE ? null : String(size);
  const [draft, setDraft] = useState(search);
  // Cursors of the pages before this one: "Previous" goes back through them.
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  useEffect(() => {
    setCursors([null]);
    setDraft(search);
  }, [partnerId, search, orderKey, size]);
  const after = cursors[cursors.length - 1];
  const common = {
    first: size,
    after,
    filter: search ? { nameContains: search } : null,
    orderBy: ORDERS[orderKey].order,
  };
  const partner = useQuery(PartnerCustomersDocument, partnerId ? { ...common, partnerId } : null);
  const visible = useQuery(VisibleCustomersDocument, partnerId ? null : common);
  const state = partnerId ? partner : visible;
  const connection = partnerId ? partner.data?.partner?.customers : visible.data?.customers;
  const base = partnerId ? ['partners', partnerId] : ['customers'];
  const title = partnerId ? (partner.data?.partner?.name ?? 'Partner') : 'Customers';
  const today = todayUtc();

  const submit = (event: Event) => {
    event.preventDefault();
    navigate(
      href(base, {
        q: draft.trim(),
        order: orderKey === 'name' ? null : orderKey,
        size: sizeParam,
      }),
    );
  };
  const changeOrder = (value: string) =>
    navigate(href(base, { q: search, order: value === 'name' ? null : value, size: sizeParam }));

  if (partnerId && !partner.loading && partner.data && partner.data.partner === null) {
    return <NotVisible what="partner" id={partnerId} />;
  }
  return (
    <>
      <h1>{title}</h1>
      {partnerId ? (
        <nav aria-label="Partner views" class="tabs">
          <a href={href(base)} aria-current="page">
            Customers
          </a>
          <a href={href([...base, 'alerts'])}>Alerts</a>
        </nav>
      ) : null}
      <Problems errors={state.errors} />
      {partner.data?.partner?.licenseSummary ? (
        <SummaryTable
          caption="All customers together"
          lines={partner.data.partner.licenseSummary}
        />
      ) : null}
      <form class="filters" onSubmit={submit} role="search">
        <label for="customer-search">Customer name contains</label>
        <input
          id="customer-search"
          type="search"
          value={draft}
          onInput={(event) => setDraft((event.target as HTMLInputElement).value)}
        />
        <button type="submit">Search</button>
        <label for="customer-order">Order by</label>
        <select
          id="customer-order"
          value={orderKey}
          onChange={(event) => changeOrder((event.target as HTMLSelectElement).value)}
        >
          {Object.entries(ORDERS).map(([key, { text }]) => (
            <option key={key} value={key}>
              {text}
            </option>
          ))}
        </select>
      </form>
      {/* A page's rows and caption only once they belong together: not the last page's rows. */}
      {state.loading ? <Loading what="customers" /> : null}
      {connection && !state.loading ? (
        connection.nodes.length === 0 ? (
          <Empty>
            {search ? `No customer's name contains “${search}”.` : 'No customers to show.'}
          </Empty>
        ) : (
          <>
            <div class="scroll" tabIndex={0} role="region" aria-label="Customers">
              <table class="numbers customers">
                <caption>
                  Customers {(cursors.length - 1) * size + 1}–
                  {(cursors.length - 1) * size + connection.nodes.length} of {connection.totalCount}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Customer</th>
                    <th scope="col">Purchased</th>
                    <th scope="col">Consumed</th>
                    <th scope="col">Utilization</th>
                    <th scope="col">Reclaimable (30 days)</th>
                    <th scope="col">Alerts</th>
                    <th scope="col">Oldest report</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.nodes.map((customer) => (
                    <CustomerRow key={customer.id} customer={customer} />
                  ))}
                </tbody>
              </table>
            </div>
            <nav class="pager" aria-label="Pages of customers">
              <button
                type="button"
                disabled={cursors.length === 1 || state.loading}
                onClick={() => setCursors(cursors.slice(0, -1))}
              >
                Previous page
              </button>
              <button
                type="button"
                disabled={!connection.pageInfo.hasNextPage || state.loading}
                onClick={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])}
              >
                Next page
              </button>
            </nav>
          </>
        )
      ) : null}
      {partnerId && partner.data?.partner ? (
        <CsvButton
          filename={`${partnerId}-usage.csv`}
          report={{
            partnerId,
            from: addDays(today, -29),
            to: today,
            granularity: 'DAY',
            groupBy: ['CUSTOMER', 'LICENSE_TYPE'],
          }}
        />
      ) : null}
    </>
  );
}
