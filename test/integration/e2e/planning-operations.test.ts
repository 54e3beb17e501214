import { todayUtc } from '../../../src/days';
import { ForecastDocument } from '../../generated/operations';
import { FIXTURE_TODAY } from '../../support/graph-fixture';
import { expectedForecast } from '../../support/planning-oracle';
import { expectedAlerts } from '../../support/reporting-oracle';
import { send } from '../../support/typed-request';
import { useFixtureStack } from './fixture-stack';

// The planning operations of the contract (Forecast, Reclaimable) through the gateway over HTTP
// with typed documents; expected values come from test/support/planning-oracle.ts, computed day
// by day from the fixture object.

describe('planning operations through the gateway', () => {
  const { stack, fixture } = useFixtureStack();

  const subscriptionsOf = (customerId: string) =>
    fixture.subscriptions.filter((s) => s.customerId === customerId).map((s) => s.id);

  describe('Forecast', () => {
    it.each([
      ['u-fa-acme', 'c-acme'],
      ['u-pfa-north', 'c-initech'],
      ['u-pfa-south', 'c-wayne'],
    ])('%s reads the forecast of %s', async (user, customerId) => {
      const { data, errors } = await send(
        stack,
        ForecastDocument,
        { customerId, asOf: FIXTURE_TODAY },
        user,
      );
      expect(errors).toBeUndefined();
      const customer = data!.customer!;
      const expected = expectedForecast(fixture, subscriptionsOf(customerId), FIXTURE_TODAY);
      expect(expected.length).toBeGreaterThan(0);
      expect(customer.forecast).toEqual(expected);
      expect(customer.subscriptions).toEqual(
        subscriptionsOf(customerId).map((id) => ({
          id,
          forecast: expectedForecast(fixture, [id], FIXTURE_TODAY, 60).map((f) => ({
            licenseType: f.licenseType,
            exhaustionDate: f.exhaustionDate,
            dailyTrend: f.dailyTrend,
            historyDays: f.historyDays,
          })),
        })),
      );
      // The alerts of the operation are today's (it passes no asOf to them).
      const today = todayUtc();
      expect(customer.alerts!.map((a) => [a.kind, a.severity, a.licenseType, a.actionDue])).toEqual(
        expectedAlerts(fixture, [customerId], today)
          .filter((a) => a.kind === 'EXHAUSTION_FORECAST')
          .map((a) => [a.kind, a.severity, a.licenseType, a.actionDue]),
      );
      for (const alert of customer.alerts!) expect(alert.message).toMatch(/licenses around/);
    });

    it('finds dates in the fixture: rising types reach purchased', async () => {
      const dated = fixture.customers.flatMap((c) =>
        expectedForecast(fixture, subscriptionsOf(c.id), FIXTURE_TODAY).filter(
          (f) => f.exhaustionDate !== null,
        ),
      );
      expect(dated.length).toBeGreaterThan(0);
      for (const f of dated) {
        expect(f.earliest! <= f.exhaustionDate!).toBe(true);
        expect(f.latest === null || f.latest >= f.exhaustionDate!).toBe(true);
      }
    });

    it('is null for a customer out of scope', async () => {
      const { data, errors } = await send(
        stack,
        ForecastDocument,
        { customerId: 'c-umbrella', asOf: FIXTURE_TODAY },
        'u-fa-acme',
      );
      expect(errors).toBeUndefined();
      expect(data?.customer).toBeNull();
    });
  });
});
