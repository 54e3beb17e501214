import {
  PartnerAlertsDocument,
  RegionUsageDocument,
  UsageReportDocument,
} from '../../generated/operations';
import { FIXTURE_FROM, FIXTURE_TODAY } from '../../support/graph-fixture';
import {
  expectedAlerts,
  regionUsage,
  sortAlerts,
  usageReport,
} from '../../support/reporting-oracle';
import { send } from '../../support/typed-request';
import { useFixtureStack } from './fixture-stack';

// The reporting operations of the contract through the gateway over HTTP with typed documents;
// expected values come from test/support/reporting-oracle.ts, computed from the fixture object.

describe('reporting operations through the gateway', () => {
  const { stack, fixture } = useFixtureStack();

  const customersOf = (partnerId: string) =>
    fixture.customers.filter((c) => c.partnerId === partnerId).map((c) => c.id);

  describe('RegionUsage', () => {
    it.each([
      ['u-fa-acme', 'c-acme', FIXTURE_TODAY],
      ['u-pfa-north', 'c-acme', '2026-11-10'],
      ['u-pfa-south', 'c-umbrella', FIXTURE_TODAY],
    ])('%s reads the region usage of %s on %s', async (user, customerId, asOf) => {
      const { data, errors } = await send(stack, RegionUsageDocument, { customerId, asOf }, user);
      expect(errors).toBeUndefined();
      const expected = regionUsage(fixture, customerId, asOf);
      expect(expected.length).toBeGreaterThan(1);
      expect(data?.customer).toEqual({ id: customerId, regionUsage: expected });
    });

    it('shows an idle region: every AMER source of Acme reports 0 ROOM_SYSTEM', async () => {
      const { data } = await send(
        stack,
        RegionUsageDocument,
        { customerId: 'c-acme', asOf: FIXTURE_TODAY },
        'u-ro-acme',
      );
      expect(data?.customer?.regionUsage).toContainEqual({
        region: 'AMER',
        licenseType: 'ROOM_SYSTEM',
        consumed: 0,
        sources: 1,
        idleSources: 1,
        shareOfCustomer: null,
      });
    });

    it('is null for a customer out of scope', async () => {
      const { data, errors } = await send(
        stack,
        RegionUsageDocument,
        { customerId: 'c-umbrella', asOf: FIXTURE_TODAY },
        'u-fa-acme',
      );
      expect(errors).toBeUndefined();
      expect(data?.customer).toBeNull();
    });
  });

  describe('PartnerAlerts', () => {
    it.each([
      ['u-pfa-north', 'p-north', FIXTURE_TODAY],
      ['u-pro-north', 'p-north', '2026-10-15'],
      ['u-pfa-south', 'p-south', FIXTURE_TODAY],
    ])('%s reads the alerts of %s on %s', async (user, partnerId, asOf) => {
      const { data, errors } = await send(stack, PartnerAlertsDocument, { partnerId, asOf }, user);
      expect(errors).toBeUndefined();
      const names = new Map(fixture.customers.map((c) => [c.id, c.name]));
      const sources = new Map(
        [...fixture.clusters, ...fixture.tenants].map((s) => [s.id, s] as const),
      );
      const expected = expectedAlerts(fixture, customersOf(partnerId), asOf);
      expect(expected.length).toBeGreaterThan(0);
      const got = sortAlerts(
        (data?.partner?.alerts ?? []).map((a) => ({
          kind: a.kind,
          severity: a.severity,
          customerId: a.customer.id,
          subscriptionId: a.subscription?.id ?? null,
          sourceId: a.source?.id ?? null,
          region: a.region ?? null,
          licenseType: a.licenseType ?? null,
          consumed: a.consumed ?? null,
          purchased: a.purchased ?? null,
          actionDue: a.actionDue ?? null,
          detectedOn: a.detectedOn,
          customerName: a.customer.name,
          source: a.source,
          message: a.message,
        })),
      );
      expect(
        got.map(({ detectedOn: _d, customerName: _n, source: _s, message: _m, ...a }) => a),
      ).toEqual(expected);
      for (const alert of got) {
        expect(alert.detectedOn).toBe(asOf);
        expect(alert.customerName).toBe(names.get(alert.customerId));
        expect(alert.message.length).toBeGreaterThan(10);
        if (alert.sourceId) {
          const source = sources.get(alert.sourceId)!;
          expect(alert.source).toEqual({ id: source.id, name: source.name, region: source.region });
        }
      }
    });

    it('names the subscription of each alert about one (completed by the subscriptions subgraph)', async () => {
      const { data } = await send(
        stack,
        PartnerAlertsDocument,
        { partnerId: 'p-north', asOf: FIXTURE_TODAY },
        'u-pfa-north',
      );
      const withSubscription = (data?.partner?.alerts ?? []).filter((a) => a.subscription);
      expect(withSubscription.length).toBeGreaterThan(0);
      expect(new Set(withSubscription.map((a) => a.subscription!.id))).toEqual(
        new Set(
          expectedAlerts(fixture, customersOf('p-north'), FIXTURE_TODAY)
            .map((a) => a.subscriptionId)
            .filter((id) => id !== null),
        ),
      );
    });

    it('is FORBIDDEN to a viewer without partner analytics', async () => {
      const { data, errors } = await send(
        stack,
        PartnerAlertsDocument,
        { partnerId: 'p-north', asOf: FIXTURE_TODAY },
        'u-pa-north',
      );
      expect(errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
      // The partner itself stays readable; only its analytics are refused.
      expect(data?.partner).toEqual({ id: 'p-north', alerts: null });
    });
  });

  describe('UsageReport', () => {
    it('gives a partner admin the partner by REGION and LICENSE_TYPE by MONTH', async () => {
      const filter = { partnerId: 'p-north', from: FIXTURE_FROM, to: FIXTURE_TODAY };
      const groupBy = ['REGION', 'LICENSE_TYPE'] as const;
      const { data, errors } = await send(
        stack,
        UsageReportDocument,
        { filter, groupBy: [...groupBy], granularity: 'MONTH' },
        'u-pfa-north',
      );
      expect(errors).toBeUndefined();
      const expected = usageReport(fixture, customersOf('p-north'), filter, groupBy, 'MONTH');
      expect(expected.length).toBeGreaterThan(5);
      expect(data?.usageReport.rows).toEqual(expected);
      expect(Date.parse(data!.usageReport.generatedAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('gives a customer admin its own customer only, whatever the filter names', async () => {
      const filter = {
        partnerId: 'p-north',
        customerIds: ['c-acme', 'c-globex', 'c-umbrella'],
        from: '2026-11-01',
        to: FIXTURE_TODAY,
      };
      const groupBy = ['CUSTOMER', 'LICENSE_TYPE'] as const;
      const { data, errors } = await send(
        stack,
        UsageReportDocument,
        { filter, groupBy: [...groupBy], granularity: 'WEEK' },
        'u-fa-acme',
      );
      expect(errors).toBeUndefined();
      expect(data?.usageReport.rows).toEqual(
        usageReport(fixture, ['c-acme'], filter, groupBy, 'WEEK'),
      );
      expect(new Set(data?.usageReport.rows.map((r) => r.customerId))).toEqual(new Set(['c-acme']));
    });
  });
});
