import {
  DedicatedInstanceUsageDetailsDocument,
  PartnerCustomerSubtreeDocument,
  SubscriptionOverviewDocument,
  UsageTrendDocument,
  ViewerDocument,
} from '../../generated/operations';
import { FIXTURE_FROM, FIXTURE_LAST_DAY, FIXTURE_TODAY } from '../../support/graph-fixture';
import type { Summary } from '../../support/oracle';
import {
  LICENSE_ORDER,
  SERVER_ROLE_ORDER,
  currentUsage,
  licenseSummary,
  subscriptionsOfCustomer,
  usagePoints,
} from '../../support/oracle';
import { send } from '../../support/typed-request';
import { useFixtureStack } from './fixture-stack';

// Every read operation of the contract through the gateway over HTTP, with typed documents and
// tokens of different roles; expected values come from test/support/oracle.ts.

describe('contract read operations through the gateway', () => {
  const { stack, fixture } = useFixtureStack();

  /** The oracle's summary, cut to the fields an operation selects. */
  const summaryOf = (subscriptionIds: string[], fields: readonly (keyof Summary)[]) =>
    licenseSummary(fixture, subscriptionIds, FIXTURE_TODAY).map((summary) =>
      Object.fromEntries(fields.map((field) => [field, summary[field]])),
    );
  const BASE = ['licenseType', 'purchased', 'consumed', 'available', 'utilization'] as const;

  describe('Viewer', () => {
    it('shows a partner admin of two customers its user and both roles', async () => {
      const { data, errors } = await send(stack, ViewerDocument, {}, 'u-pa-north');
      expect(errors).toBeUndefined();
      expect(data?.viewer.user).toEqual({
        id: 'u-pa-north',
        email: 'pa@northwind.example',
        displayName: 'Alex Park',
      });
      expect(
        data?.viewer.roles.map((r) => ({ role: r.role, partner: r.partner, customer: r.customer })),
      ).toEqual(
        expect.arrayContaining([
          { role: 'PARTNER_ADMIN', partner: null, customer: { id: 'c-acme', name: 'Acme Corp' } },
          { role: 'PARTNER_ADMIN', partner: null, customer: { id: 'c-globex', name: 'Globex' } },
        ]),
      );
      expect(data?.viewer.roles).toHaveLength(2);
    });

    it('shows a partner full admin the partner of its role', async () => {
      const { data } = await send(stack, ViewerDocument, {}, 'u-pfa-north');
      expect(data?.viewer.roles.map((r) => [r.role, r.partner, r.customer])).toEqual([
        ['PARTNER_FULL_ADMIN', { id: 'p-north', name: 'Northwind Telecom' }, null],
      ]);
    });
  });

  describe('PartnerCustomerSubtree', () => {
    const expectedCustomer = (customerId: string) => {
      const customer = fixture.customers.find((c) => c.id === customerId)!;
      return {
        id: customer.id,
        name: customer.name,
        subscriptions: fixture.subscriptions
          .filter((s) => s.customerId === customerId)
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((s) => ({
            id: s.id,
            kind: s.kind,
            status: s.status,
            endDate: s.endDate ?? null,
            licenseSummary: summaryOf([s.id], [...BASE, 'asOf']),
            clusters: fixture.clusters
              .filter((c) => c.subscriptionId === s.id)
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((c) => ({
                id: c.id,
                name: c.name,
                region: c.region,
                currentUsage: currentUsage(fixture, c.id, FIXTURE_TODAY),
              })),
            tenants: fixture.tenants
              .filter((t) => t.subscriptionId === s.id)
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((t) => ({
                id: t.id,
                name: t.name,
                region: t.region,
                currentUsage: currentUsage(fixture, t.id, FIXTURE_TODAY),
              })),
          })),
      };
    };

    it('gives a partner full admin every customer of its partner, in name order, with numbers', async () => {
      const { data, errors } = await send(
        stack,
        PartnerCustomerSubtreeDocument,
        { partnerId: 'p-north', asOf: FIXTURE_TODAY },
        'u-pfa-north',
      );
      expect(errors).toBeUndefined();
      expect(data?.partner?.customers.totalCount).toBe(3);
      expect(data?.partner?.customers.pageInfo.hasNextPage).toBe(false);
      expect(data?.partner?.customers.nodes).toEqual(
        ['c-acme', 'c-globex', 'c-initech'].map(expectedCustomer),
      );
    });

    it('pages with opaque cursors', async () => {
      const first = await send(
        stack,
        PartnerCustomerSubtreeDocument,
        { partnerId: 'p-north', first: 2, asOf: FIXTURE_TODAY },
        'u-pro-north',
      );
      const page = first.data!.partner!.customers;
      expect(page.nodes.map((n) => n.id)).toEqual(['c-acme', 'c-globex']);
      expect(page.pageInfo.hasNextPage).toBe(true);
      const second = await send(
        stack,
        PartnerCustomerSubtreeDocument,
        { partnerId: 'p-north', first: 2, after: page.pageInfo.endCursor, asOf: FIXTURE_TODAY },
        'u-pro-north',
      );
      expect(second.data?.partner?.customers.nodes.map((n) => n.id)).toEqual(['c-initech']);
      expect(second.data?.partner?.customers.pageInfo.hasNextPage).toBe(false);
    });

    it('gives a partner admin only its managed customers', async () => {
      const { data } = await send(
        stack,
        PartnerCustomerSubtreeDocument,
        { partnerId: 'p-north', asOf: FIXTURE_TODAY },
        'u-pa-north',
      );
      expect(data?.partner?.customers.totalCount).toBe(2);
      expect(data?.partner?.customers.nodes).toEqual(['c-acme', 'c-globex'].map(expectedCustomer));
    });
  });

  describe('SubscriptionOverview', () => {
    it('gives a read-only admin the customer and per-subscription summaries', async () => {
      const { data, errors } = await send(
        stack,
        SubscriptionOverviewDocument,
        { customerId: 'c-acme', asOf: FIXTURE_TODAY },
        'u-ro-acme',
      );
      expect(errors).toBeUndefined();
      const subscriptionIds = subscriptionsOfCustomer(fixture, 'c-acme');
      expect(data?.customer?.licenseSummary).toEqual(
        summaryOf(subscriptionIds, [...BASE, 'asOf', 'oldestReportOn']),
      );
      expect(data?.customer?.subscriptions).toEqual(
        fixture.subscriptions
          .filter((s) => s.customerId === 'c-acme')
          .sort((a, b) => a.id.localeCompare(b.id))
          .map((s) => ({
            id: s.id,
            kind: s.kind,
            status: s.status,
            startDate: s.startDate,
            endDate: s.endDate ?? null,
            entitlements: [...s.entitlements]
              .sort(
                (a, b) =>
                  LICENSE_ORDER.indexOf(a.licenseType) - LICENSE_ORDER.indexOf(b.licenseType) ||
                  a.startDate.localeCompare(b.startDate),
              )
              .map((e) => ({
                licenseType: e.licenseType,
                quantity: e.quantity,
                startDate: e.startDate,
                endDate: e.endDate ?? null,
              })),
            licenseSummary: summaryOf([s.id], BASE),
          })),
      );
    });
  });

  describe('DedicatedInstanceUsageDetails', () => {
    it('gives a support admin clusters with servers, current usage and report time', async () => {
      const { data, errors } = await send(
        stack,
        DedicatedInstanceUsageDetailsDocument,
        { subscriptionId: 'Sub-100001', asOf: FIXTURE_TODAY },
        'u-sa-acme',
      );
      expect(errors).toBeUndefined();
      expect(data?.subscription?.customer).toEqual({ id: 'c-acme', name: 'Acme Corp' });
      expect(data?.subscription?.kind).toBe('DEDICATED_INSTANCE');
      expect(data?.subscription?.clusters.map(({ lastReportedAt: _l, ...c }) => c)).toEqual(
        fixture.clusters
          .filter((c) => c.subscriptionId === 'Sub-100001')
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((c) => ({
            id: c.id,
            name: c.name,
            region: c.region,
            servers: [...c.servers].sort(
              (a, b) =>
                SERVER_ROLE_ORDER.indexOf(a.role) - SERVER_ROLE_ORDER.indexOf(b.role) ||
                a.hostname.localeCompare(b.hostname),
            ),
            currentUsage: currentUsage(fixture, c.id, FIXTURE_TODAY),
          })),
      );
      for (const cluster of data!.subscription!.clusters) {
        expect(Number.isNaN(Date.parse(cluster.lastReportedAt ?? ''))).toBe(false);
      }
    });

    it('shows the data age: a silent cluster reports its last day', async () => {
      const { data } = await send(
        stack,
        DedicatedInstanceUsageDetailsDocument,
        { subscriptionId: 'Sub-100001', asOf: FIXTURE_TODAY },
        'u-fa-acme',
      );
      const fra = data?.subscription?.clusters.find((c) => c.id === 'cl-fra-1');
      expect(fra?.currentUsage?.map((u) => u.reportedOn)).toEqual(['2026-11-20', '2026-11-20']);
    });
  });

  describe('UsageTrend', () => {
    it.each(['DAY', 'WEEK', 'MONTH'] as const)('buckets a cluster by %s', async (granularity) => {
      const { data, errors } = await send(
        stack,
        UsageTrendDocument,
        { clusterId: 'cl-fra-1', from: FIXTURE_FROM, to: FIXTURE_LAST_DAY, granularity },
        'u-pfa-north',
      );
      expect(errors).toBeUndefined();
      const expected = usagePoints(
        fixture,
        'cl-fra-1',
        FIXTURE_FROM,
        FIXTURE_LAST_DAY,
        granularity,
      );
      const points = data!.cluster!.usage!;
      expect(points.map(({ average: _a, ...p }) => p)).toEqual(
        expected.map(({ average: _a, ...p }) => p),
      );
      points.forEach((point, i) => expect(point.average).toBeCloseTo(expected[i].average, 6));
    });
  });
});
