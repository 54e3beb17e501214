import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { NO_PROBLEMS } from '../support/chromium/offline-page';
import {
  CustomerAlertsDocument,
  CustomerOverviewDocument,
  CustomerRegionsDocument,
  PartnerAlertListDocument,
  PartnerCustomersDocument,
  SourceUsageDocument,
  UsageTrendSeriesDocument,
  VisibleCustomersDocument,
} from '../../web/src/generated/operations';
import type {
  CustomerOverviewQuery,
  CustomerRegionsQuery,
  PartnerCustomersQuery,
  SourceUsageQuery,
  UsageTrendSeriesQuery,
  VisibleCustomersQuery,
} from '../../web/src/generated/operations';
import { addDays, todayUtc } from '../../src/days';
import { count, percent, ratio, sum } from '../../web/src/format';
import { cell, dashboardPage, useDashboard } from './dashboard-harness';
import type { DashboardPage } from './dashboard-harness';

// The dashboard as its users meet it, on the demo data, in the project's headless Chromium with
// the network cut off: the demo partner admin (signed in with the demo token the page offers),
// Contoso's full admin and its read-only admin (each pasting a token). Every number a view shows
// is compared with what the API answers the same viewer; every view is photographed.

const PARTNER = 'p-northwind';
const CONTOSO = 'c-contoso';
/** A Northwind customer that Contoso's admins may not see. */
const HIDDEN = 'c-fabrikam';

const harness = useDashboard();

async function api<T>(userId: string, operation: { toString(): string }, variables: object) {
  const token = await harness.stack.token(userId);
  const { body } = await harness.stack.request(operation.toString(), variables as never, {
    authorization: `Bearer ${token}`,
  });
  return body as { data: T; errors?: Array<{ extensions?: { code?: string } }> };
}

async function open(view: DashboardPage, hash: string, ready: string): Promise<number> {
  await view.page.evaluate(`window.location.hash = ${JSON.stringify(hash)}`);
  await view.page.locator(ready).first().waitFor();
  return view.requestsSettled();
}

async function signInWithToken(view: DashboardPage, userId: string): Promise<void> {
  await view.page.goto(harness.appUrl);
  await view.page.getByLabel('Bearer token').fill(await harness.stack.token(userId, '1h'));
  await view.page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function expectSummaryRows(
  page: Page,
  scope: string,
  lines: ReadonlyArray<{ licenseType: string; purchased: number; consumed: number }>,
) {
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    const row = `${scope} tr[data-license-type="${line.licenseType}"]`;
    expect([
      line.licenseType,
      await cell(page, `${row} [data-field="purchased"]`),
      await cell(page, `${row} [data-field="consumed"]`),
      await cell(page, `${row} [data-field="available"]`),
      await cell(page, `${row} [data-field="utilization"]`),
    ]).toEqual([
      line.licenseType,
      count(line.purchased),
      count(line.consumed),
      count(line.purchased - line.consumed),
      percent(ratio(line.consumed, line.purchased)),
    ]);
  }
}

/** Overview, usage by source, regions, trend and alerts of one customer, as `userId` sees them. */
async function visitCustomerViews(view: DashboardPage, userId: string, shots: string | null) {
  const { page } = view;
  const base = `#/customers/${CONTOSO}`;
  const requests: Record<string, number> = {};

  // The overview is on screen already (the caller counted its request).
  await view.page.locator('section[data-subscription-id]').first().waitFor();
  const overview = await api<CustomerOverviewQuery>(userId, CustomerOverviewDocument, {
    customerId: CONTOSO,
  });
  const customer = overview.data.customer!;
  await expectSummaryRows(page, 'table.summary >> nth=0 >>', customer.licenseSummary!);
  // What could be reclaimed over the last 30 days, per license type.
  expect(customer.reclaimable!.length).toBeGreaterThan(0);
  for (const line of customer.reclaimable!) {
    const row = `table.reclaimable tr[data-license-type="${line.licenseType}"]`;
    expect([
      line.licenseType,
      await cell(page, `${row} [data-field="purchased"]`),
      await cell(page, `${row} [data-field="peak"]`),
      await cell(page, `${row} [data-field="reclaimable"]`),
    ]).toEqual([
      line.licenseType,
      count(line.purchased),
      count(line.peak),
      count(line.reclaimable),
    ]);
  }
  for (const subscription of customer.subscriptions) {
    const section = `section[data-subscription-id="${subscription.id}"]`;
    expect(await cell(page, `${section} [data-field="status"]`)).toBe(
      subscription.status.charAt(0) + subscription.status.slice(1).toLowerCase(),
    );
    expect(await cell(page, `${section} [data-field="term"]`)).toBe(
      `${subscription.startDate} to ${subscription.endDate ?? 'open-ended'}`,
    );
    await expectSummaryRows(page, section, subscription.licenseSummary);
  }
  if (shots) await view.screenshot(`${shots}-customer-overview`);

  requests.usage = await open(view, `${base}/usage`, 'tr[data-source-id]');
  const usage = await api<SourceUsageQuery>(userId, SourceUsageDocument, { customerId: CONTOSO });
  const subscriptions = usage.data.customer!.subscriptions;
  const sources = [
    ...subscriptions.flatMap((s) => s.clusters),
    ...subscriptions.flatMap((s) => s.tenants.map((tenant) => ({ ...tenant, servers: null }))),
  ];
  expect(await page.locator('tr[data-source-id]').count()).toBe(sources.length);
  for (const source of sources) {
    const row = `tr[data-source-id="${source.id}"]`;
    expect(await cell(page, `${row} [data-field="region"]`)).toBe(source.region);
    for (const snapshot of source.currentUsage ?? []) {
      const value = `${row} li[data-license-type="${snapshot.licenseType}"] [data-field="consumed"]`;
      expect([source.id, snapshot.licenseType, await cell(page, value)]).toEqual([
        source.id,
        snapshot.licenseType,
        count(snapshot.consumed),
      ]);
    }
    if (source.servers !== null) {
      expect(await cell(page, `${row} [data-field="servers"] summary`)).toBe(
        `${source.servers.length} servers`,
      );
    }
  }
  if (shots) await view.screenshot(`${shots}-usage-by-source`);

  requests.regions = await open(view, `${base}/regions`, 'tr[data-region]');
  const regions = await api<CustomerRegionsQuery>(userId, CustomerRegionsDocument, {
    customerId: CONTOSO,
  });
  const regionRows = regions.data.customer!.regionUsage!;
  expect(await page.locator('tr[data-region]').count()).toBe(regionRows.length);
  for (const row of regionRows) {
    const tr = `tr[data-region="${row.region}"][data-license-type="${row.licenseType}"]`;
    expect([
      await cell(page, `${tr} [data-field="consumed"]`),
      await cell(page, `${tr} [data-field="sources"]`),
      (await cell(page, `${tr} [data-field="idleSources"]`)).split(' ')[0],
      await cell(page, `${tr} [data-field="shareOfCustomer"]`),
    ]).toEqual([
      count(row.consumed),
      count(row.sources),
      count(row.idleSources),
      percent(row.shareOfCustomer),
    ]);
  }
  if (shots) await view.screenshot(`${shots}-regions`);

  // The trend of the over-the-limit subscription's Amsterdam cluster, per week.
  const subscription = customer.subscriptions[0].id;
  const to = todayUtc();
  const from = addDays(to, -89);
  const trendHash = `${base}/trend?subscription=${subscription}&granularity=WEEK&from=${from}&to=${to}`;
  requests.trend = await open(view, trendHash, 'tr[data-period]');
  const type = await page.locator('#trend-type').inputValue();
  const trend = await api<UsageTrendSeriesQuery>(userId, UsageTrendSeriesDocument, {
    subscriptionId: subscription,
    from,
    to,
    granularity: 'WEEK',
    sourceId: '',
    isCluster: false,
    isTenant: false,
    isSource: false,
  });
  const points = trend.data.usageReport.rows.filter((row) => row.licenseType === type);
  expect(points.length).toBeGreaterThan(10);
  expect(await page.locator('tr[data-period]').count()).toBe(points.length);
  for (const point of points) {
    const tr = `tr[data-period="${point.period}"]`;
    expect([
      point.period,
      await cell(page, `${tr} [data-field="consumed"]`),
      await cell(page, `${tr} [data-field="purchased"]`),
    ]).toEqual([point.period, count(point.consumed), count(point.purchased)]);
  }
  expect(await page.locator('.chart canvas').count()).toBe(1);
  // The forecast of the license type on screen, as the API fits it up to the range's last day.
  const forecast = trend.data.subscription!.forecast!.find((f) => f.licenseType === type)!;
  expect(forecast.asOf).toBe(to);
  expect(await page.locator('p.forecast').getAttribute('data-exhaustion')).toBe(
    forecast.exhaustionDate ?? '',
  );
  expect(await cell(page, 'p.forecast')).toContain(`from ${count(forecast.consumed)} in use`);
  if (shots) await view.screenshot(`${shots}-trend`);

  // One cluster of the subscription against the subscription's purchased: one more request.
  const cluster = customer.subscriptions[0].clusters[0].id;
  await page.getByLabel('Cluster or tenant').selectOption(cluster);
  await page.locator('caption', { hasText: '(' }).first().waitFor();
  requests.trend += await view.requestsSettled();
  const clusterTrend = await api<UsageTrendSeriesQuery>(userId, UsageTrendSeriesDocument, {
    subscriptionId: subscription,
    from,
    to,
    granularity: 'WEEK',
    sourceId: cluster,
    isCluster: true,
    isTenant: false,
    isSource: true,
  });
  const clusterPoints = clusterTrend.data.cluster!.usage!.filter((p) => p.licenseType === type);
  expect(clusterPoints.length).toBeGreaterThan(10);
  for (const point of clusterPoints) {
    expect([
      point.period,
      await cell(page, `tr[data-period="${point.period}"] [data-field="consumed"]`),
    ]).toEqual([point.period, count(point.consumed)]);
  }
  expect(await page.locator('p.forecast').count()).toBe(0);

  requests.alerts = await open(view, `${base}/alerts`, 'tr[data-kind]');
  const alerts = await api<{ customer: { alerts: Array<{ kind: string; severity: string }> } }>(
    userId,
    CustomerAlertsDocument,
    { customerId: CONTOSO },
  );
  const shown = await page
    .locator('tr[data-kind]')
    .evaluateAll((rows) => rows.map((row) => `${row.dataset.kind} ${row.dataset.severity}`));
  expect(shown.sort()).toEqual(
    alerts.data.customer.alerts.map((alert) => `${alert.kind} ${alert.severity}`).sort(),
  );
  if (shots) await view.screenshot(`${shots}-customer-alerts`);
  return requests;
}

/** What the README promises each view costs (README, Dashboard); the trend: 2, and 1 per change. */
const CUSTOMER_VIEW_REQUESTS = { usage: 1, regions: 1, trend: 3, alerts: 1 };

describe('dashboard', () => {
  it('serves the partner admin the demo with its token, every view agreeing with the API', async () => {
    const view = await dashboardPage(harness);
    const { page } = view;
    await page.goto(harness.appUrl);
    await view.screenshot('sign-in');
    await page.getByRole('button', { name: 'Sign in with the demo token' }).click();
    // The start page follows the roles: the partner of a partner admin.
    await page.locator('tr[data-customer-id]').first().waitFor();
    expect(new URL(page.url()).hash).toBe(`#/partners/${PARTNER}`);
    expect(await view.requestsSettled()).toBe(2); // the viewer, then the partner page

    const variables = {
      partnerId: PARTNER,
      first: 20,
      after: null,
      filter: null,
      orderBy: { field: 'NAME', direction: 'ASC' },
    };
    const partner = (
      await api<PartnerCustomersQuery>('u-demo-partner', PartnerCustomersDocument, variables)
    ).data.partner!;
    await expectSummaryRows(page, 'table.summary', partner.licenseSummary!);
    const names = await page.locator('tr[data-customer-id] th').allInnerTexts();
    expect(names).toEqual(partner.customers.nodes.map((c) => c.name));
    for (const customer of partner.customers.nodes) {
      const row = `tr[data-customer-id="${customer.id}"]`;
      const purchased = sum(customer.licenseSummary!, (line) => line.purchased);
      const consumed = sum(customer.licenseSummary!, (line) => line.consumed);
      expect([
        customer.id,
        await cell(page, `${row} [data-field="purchased"]`),
        await cell(page, `${row} [data-field="consumed"]`),
        await cell(page, `${row} [data-field="utilization"]`),
        await cell(page, `${row} [data-field="reclaimable"]`),
        (await cell(page, `${row} [data-field="alerts"]`)).split(' ')[0],
      ]).toEqual([
        customer.id,
        count(purchased),
        count(consumed),
        percent(ratio(consumed, purchased)),
        count(sum(customer.reclaimable!, (line) => line.reclaimable)),
        customer.alerts!.length === 0 ? 'none' : String(customer.alerts!.length),
      ]);
    }
    await view.screenshot('partner');

    // Ordered by utilization, highest first, as the API orders it.
    await page.getByLabel('Order by').selectOption('utilization-desc');
    await page.locator('tr[data-customer-id]').first().waitFor();
    expect(await view.requestsSettled()).toBe(1);
    const byUtilization = await api<PartnerCustomersQuery>(
      'u-demo-partner',
      PartnerCustomersDocument,
      {
        ...variables,
        orderBy: { field: 'UTILIZATION', direction: 'DESC' },
      },
    );
    expect(
      await page
        .locator('tr[data-customer-id]')
        .evaluateAll((rows) => rows.map((r) => r.dataset.customerId)),
    ).toEqual(byUtilization.data.partner!.customers.nodes.map((c) => c.id));

    // Most reclaimable licenses first, as the API orders them.
    await page.getByLabel('Order by').selectOption('reclaimable-desc');
    await page.locator('tr[data-customer-id]').first().waitFor();
    expect(await view.requestsSettled()).toBe(1);
    const byReclaimable = await api<PartnerCustomersQuery>(
      'u-demo-partner',
      PartnerCustomersDocument,
      { ...variables, orderBy: { field: 'RECLAIMABLE', direction: 'DESC' } },
    );
    expect(
      await page
        .locator('tr[data-customer-id]')
        .evaluateAll((rows) =>
          rows.map((r) => (r as unknown as { dataset: { customerId: string } }).dataset.customerId),
        ),
    ).toEqual(byReclaimable.data.partner!.customers.nodes.map((c) => c.id));

    // A search, typed and submitted from the keyboard.
    await page.getByLabel('Customer name contains').fill('conto');
    await page.keyboard.press('Enter');
    await page.locator('caption', { hasText: 'of 1' }).waitFor();
    expect(
      await page
        .locator('tr[data-customer-id]')
        .evaluateAll((rows) => rows.map((r) => r.dataset.customerId)),
    ).toEqual([CONTOSO]);
    expect(await view.requestsSettled()).toBe(1);

    // Paging, two customers a page: the pages the API gives with its cursors, there and back.
    expect(await open(view, `#/partners/${PARTNER}?size=2`, 'caption:has-text("1–2 of")')).toBe(1);
    const firstPage = await api<PartnerCustomersQuery>('u-demo-partner', PartnerCustomersDocument, {
      ...variables,
      first: 2,
    });
    const secondPage = await api<PartnerCustomersQuery>(
      'u-demo-partner',
      PartnerCustomersDocument,
      {
        ...variables,
        first: 2,
        after: firstPage.data.partner!.customers.pageInfo.endCursor,
      },
    );
    const shownIds = () =>
      page
        .locator('tr[data-customer-id]')
        .evaluateAll((rows) =>
          rows.map((r) => (r as unknown as { dataset: { customerId: string } }).dataset.customerId),
        );
    expect(await shownIds()).toEqual(firstPage.data.partner!.customers.nodes.map((c) => c.id));
    await page.getByRole('button', { name: 'Next page' }).click();
    await page.locator('caption', { hasText: '3–4 of' }).waitFor();
    expect(await shownIds()).toEqual(secondPage.data.partner!.customers.nodes.map((c) => c.id));
    await page.getByRole('button', { name: 'Previous page' }).click();
    await page.locator('caption', { hasText: '1–2 of' }).waitFor();
    expect(await shownIds()).toEqual(firstPage.data.partner!.customers.nodes.map((c) => c.id));
    expect(await view.requestsSettled()).toBe(2);
    await open(view, `#/partners/${PARTNER}?q=conto`, 'caption:has-text("of 1")');

    // A search that matches nothing: the empty state, in words.
    await open(view, `#/partners/${PARTNER}?q=no-such-customer`, '.state.empty');
    expect(await cell(page, '.state.empty')).toBe(
      "No customer's name contains “no-such-customer”.",
    );
    await open(view, `#/partners/${PARTNER}?q=conto`, 'caption:has-text("of 1")');

    // The customer opens its own view from the list.
    await page.getByRole('link', { name: 'Contoso Pharmaceuticals' }).click();
    await page.locator('section[data-subscription-id]').first().waitFor();
    expect(await view.requestsSettled()).toBe(1);

    const requests = await visitCustomerViews(view, 'u-demo-partner', 'partner-admin');
    expect(requests).toEqual(CUSTOMER_VIEW_REQUESTS);

    // The partner's alerts: every one the API lists, with its severity and action due.
    expect(await open(view, `#/partners/${PARTNER}/alerts`, 'tr[data-kind]')).toBe(1);
    const alerts = await api<{
      partner: { alerts: Array<{ kind: string; severity: string; actionDue: string | null }> };
    }>('u-demo-partner', PartnerAlertListDocument, { partnerId: PARTNER });
    const shown = await page
      .locator('tr[data-kind]')
      .evaluateAll((rows) =>
        rows.map(
          (row) =>
            `${row.dataset.kind} ${row.dataset.severity} ${row.querySelector('[data-field="actionDue"]')!.textContent}`,
        ),
      );
    expect(shown.sort()).toEqual(
      alerts.data.partner.alerts.map((a) => `${a.kind} ${a.severity} ${a.actionDue ?? '—'}`).sort(),
    );
    expect(new Set(alerts.data.partner.alerts.map((a) => a.severity)).size).toBeGreaterThan(1);
    await view.screenshot('partner-alerts');

    expect(await problems(view)).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it('downloads the CSV of the report on screen, the same as GET /reports/usage.csv', async () => {
    const view = await dashboardPage(harness);
    const { page } = view;
    await page.goto(harness.appUrl);
    await page.getByRole('button', { name: 'Sign in with the demo token' }).click();
    await page.locator('tr[data-customer-id]').first().waitFor();
    await open(view, `#/customers/${CONTOSO}/regions`, 'tr[data-region]');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${CONTOSO}-regions.csv`);
    const downloaded = fs.readFileSync((await download.path())!, 'utf8');
    const to = todayUtc();
    const query = new URLSearchParams({
      from: addDays(to, -29),
      to,
      granularity: 'DAY',
      groupBy: 'REGION,LICENSE_TYPE',
      customerIds: CONTOSO,
    });
    const direct = await fetch(`${harness.origin}/reports/usage.csv?${query}`, {
      headers: { authorization: `Bearer ${await harness.stack.token('u-demo-partner')}` },
    });
    expect(direct.status).toBe(200);
    const expected = await direct.text();
    expect(expected.split('\n').length).toBeGreaterThan(30);
    expect(downloaded).toBe(expected);
    expect(await problems(view)).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it.each([
    ['customer admin', 'u-contoso-admin'],
    ['read-only admin', 'u-contoso-auditor'],
  ])('shows the %s its customer and nothing of a hidden one', async (who, userId) => {
    const view = await dashboardPage(harness);
    const { page } = view;
    await signInWithToken(view, userId);
    // One customer: the start page is that customer.
    await page.locator('section[data-subscription-id]').first().waitFor();
    expect(new URL(page.url()).hash).toBe(`#/customers/${CONTOSO}`);
    expect(await view.requestsSettled()).toBe(2);
    const shots = userId === 'u-contoso-admin' ? 'customer-admin' : null;
    expect(await visitCustomerViews(view, userId, shots)).toEqual(CUSTOMER_VIEW_REQUESTS);

    // A hidden customer by URL, in every view: what the API says of it (null), nothing more.
    for (const sub of ['', '/usage', '/regions', '/trend', '/alerts']) {
      await open(view, `#/customers/${HIDDEN}${sub}`, '[role="alert"]');
      const text = await page.locator('main').innerText();
      expect([sub, text]).toEqual([sub, expect.stringContaining(`No customer ${HIDDEN}`)]);
      expect(text).not.toMatch(/Fabrikam/);
      expect(await page.locator('table').count()).toBe(0);
    }
    const hidden = await api<CustomerOverviewQuery>(userId, CustomerOverviewDocument, {
      customerId: HIDDEN,
    });
    expect(hidden.data.customer).toBeNull();
    if (shots) await view.screenshot(`${shots}-hidden-customer`);

    // The partner's page lists only the customer this viewer may read, and says why the
    // partner's totals are missing in the API's words.
    await open(view, `#/partners/${PARTNER}`, 'tr[data-customer-id]');
    expect(
      await page
        .locator('tr[data-customer-id]')
        .evaluateAll((rows) => rows.map((r) => r.dataset.customerId)),
    ).toEqual([CONTOSO]);
    expect(await page.locator('.problems [data-code="FORBIDDEN"]').count()).toBeGreaterThan(0);

    // The token lives in this tab's session only.
    expect(await page.evaluate('window.localStorage.length')).toBe(0);
    expect(await problems(view)).toEqual(NO_PROBLEMS);
    expect(who).toBeTruthy();
    await page.close();
  });

  it('shows the partner read-only admin the partner with its analytics', async () => {
    const view = await dashboardPage(harness);
    const { page } = view;
    await signInWithToken(view, 'u-demo-partner-viewer');
    await page.locator('tr[data-customer-id]').first().waitFor();
    expect(new URL(page.url()).hash).toBe(`#/partners/${PARTNER}`);
    expect(await view.requestsSettled()).toBe(2);
    const partner = await api<PartnerCustomersQuery>(
      'u-demo-partner-viewer',
      PartnerCustomersDocument,
      { partnerId: PARTNER, first: 20, orderBy: { field: 'NAME', direction: 'ASC' } },
    );
    expect(partner.errors).toBeUndefined();
    await expectSummaryRows(page, 'table.summary', partner.data.partner!.licenseSummary!);
    expect(
      await page
        .locator('tr[data-customer-id]')
        .evaluateAll((rows) =>
          rows.map((r) => (r as unknown as { dataset: { customerId: string } }).dataset.customerId),
        ),
    ).toEqual(partner.data.partner!.customers.nodes.map((c) => c.id));
    expect(await open(view, `#/partners/${PARTNER}/alerts`, 'tr[data-kind]')).toBe(1);
    expect(await problems(view)).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it('lets a viewer of two customers pick one, or list every customer it may read', async () => {
    const view = await dashboardPage(harness);
    const { page } = view;
    // Woodgrove's full admin, and a read-only admin of Tailspin as a consultant.
    await signInWithToken(view, 'u-elena-rossi');
    const links = page.getByRole('navigation', { name: 'Your partners and customers' });
    await links.getByRole('link').first().waitFor();
    const texts = await links.getByRole('link').allInnerTexts();
    expect(texts.pop()).toBe('Every customer you can see');
    expect(texts.sort()).toEqual(['Customer: Tailspin Airlines', 'Customer: Woodgrove Bank']);
    await links.getByRole('link', { name: 'Every customer you can see' }).click();
    await page.locator('tr[data-customer-id]').first().waitFor();
    expect(await view.requestsSettled()).toBe(2); // the viewer, then the list
    const visible = await api<VisibleCustomersQuery>('u-elena-rossi', VisibleCustomersDocument, {
      first: 20,
      orderBy: { field: 'NAME', direction: 'ASC' },
    });
    expect(
      await page
        .locator('tr[data-customer-id]')
        .evaluateAll((rows) =>
          rows.map((r) => (r as unknown as { dataset: { customerId: string } }).dataset.customerId),
        ),
    ).toEqual(visible.data.customers.nodes.map((c) => c.id));
    expect(visible.data.customers.totalCount).toBe(2);
    expect(await problems(view)).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it('sends a refused token back to the sign-in page with the API’s reason', async () => {
    const view = await dashboardPage(harness);
    const { page } = view;
    await page.goto(harness.appUrl);
    await page.getByLabel('Bearer token').fill('not-a-token');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const notice = page.locator('[role="alert"]', { hasText: 'The token was refused' });
    await notice.waitFor();
    const { body } = await harness.stack.request(
      '{ viewer { user { id } } }',
      {},
      {
        authorization: 'Bearer not-a-token',
      },
    );
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await notice.innerText()).toBe(`The token was refused: ${body.errors?.[0].message}`);
    expect(await page.evaluate('window.sessionStorage.length')).toBe(0);
    await page.close();
  });

  it('works from the keyboard and at phone width', async () => {
    const view = await dashboardPage(harness);
    const { page } = view;
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(harness.appUrl);
    await page.getByRole('button', { name: 'Sign in with the demo token' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('tr[data-customer-id]').first().waitFor();
    // After a navigation the focus is on the content, for a screen reader to read on from there.
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    // On a fresh load, the skip link is the first stop and moves the focus to the content.
    await page.reload();
    await page.locator('tr[data-customer-id]').first().waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement?.id')).toBe('main');
    // Tab on to the first customer link and open it with Enter.
    const first = await page.locator('tr[data-customer-id] a').first().innerText();
    for (let tabs = 0; tabs < 40; tabs++) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate('document.activeElement?.textContent')) === first) break;
    }
    await page.keyboard.press('Enter');
    await page.locator('section[data-subscription-id]').first().waitFor();
    // Nothing wider than the phone: wide tables scroll inside their own box.
    for (const sub of ['', '/usage', '/regions', '/trend', '/alerts']) {
      const hash = new URL(page.url()).hash.replace(/^(#\/customers\/[^/?]+).*$/, '$1') + sub;
      await open(view, hash, 'main table, main .state.empty');
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect([sub, overflow]).toEqual([sub, 0]);
      if (sub === '') await view.screenshot('phone-customer-overview');
    }
    expect(await problems(view)).toEqual(NO_PROBLEMS);
    await page.close();
  });
});

async function problems(view: DashboardPage) {
  return view.problems();
}
