import { todayUtc } from '../../../src/days';
import { ForecastDocument, ReclaimableDocument } from '../../generated/operations';
import { FIXTURE_TODAY } from '../../support/graph-fixture';
import {
  expectedForecast,
  expectedReclaimable,
  totalReclaimable,
} from '../../support/planning-oracle';
import { expectedAlerts } from '../../support/reporting-oracle';
import { send } from '../../support/typed-request';
import type { TestDatabase } from '../../support/database';
import { openFixtureDatabase } from '../../support/fixture-database';
import { startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';
import {
  PLAN_ADMIN,
  PLAN_AS_OF,
  PLAN_PARTNER,
  planningFixture,
} from '../planning/planning-fixture';
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

  describe('Reclaimable', () => {
    const sources = new Map(
      [...fixture.clusters, ...fixture.tenants].map((s) => [
        s.id,
        { id: s.id, name: s.name, region: s.region },
      ]),
    );
    const expectedNodes = (customerIds: string[]) => {
      // RECLAIMABLE orders by the last 30 days up to today; the nodes answer for asOf.
      const today = todayUtc();
      const order = [...customerIds].sort(
        (a, b) =>
          totalReclaimable(fixture, b, today) - totalReclaimable(fixture, a, today) ||
          b.localeCompare(a),
      );
      return order.map((id) => ({
        id,
        name: fixture.customers.find((c) => c.id === id)!.name,
        reclaimable: expectedReclaimable(fixture, id, FIXTURE_TODAY).map(
          ({ idleSources, ...r }) => ({
            ...r,
            idleSources: idleSources.map((s) => sources.get(s)),
          }),
        ),
      }));
    };

    it.each([
      ['u-pfa-north', 'p-north', ['c-acme', 'c-globex', 'c-initech']],
      ['u-pfa-south', 'p-south', ['c-umbrella', 'c-wayne']],
      ['u-fa-acme', 'p-north', ['c-acme']],
    ])('%s reads the reclaimable licenses of %s', async (user, partnerId, customerIds) => {
      const { data, errors } = await send(
        stack,
        ReclaimableDocument,
        { partnerId, asOf: FIXTURE_TODAY },
        user,
      );
      expect(errors).toBeUndefined();
      const expected = expectedNodes(customerIds);
      expect(expected.flatMap((c) => c.reclaimable).length).toBeGreaterThan(0);
      expect(data?.partner?.customers.nodes).toEqual(expected);
    });

    it('has licenses to reclaim in the fixture, and a type used beyond purchased', () => {
      const all = fixture.customers.flatMap((c) =>
        expectedReclaimable(fixture, c.id, FIXTURE_TODAY),
      );
      expect(all.some((r) => r.reclaimable > 0)).toBe(true);
      expect(all.some((r) => r.reclaimable === 0 && r.peak > r.purchased)).toBe(true);
    });
  });

  // The graph fixture has no source that reports only 0 of a type in force: the planning fixture
  // has (planning-fixture.ts), served by a stack of its own, so that the gateway completes the
  // idle sources' names and regions from the subscriptions subgraph.
  describe('Reclaimable with idle sources', () => {
    const planning = planningFixture();
    let db: TestDatabase | undefined;
    let planStack: TestStack | undefined;
    beforeAll(async () => {
      db = await openFixtureDatabase(planning);
      planStack = await startTestStack(db);
    });
    afterAll(async () => {
      await planStack?.stop();
      await db?.close();
    });

    it('names the sources that reported only 0', async () => {
      const { data, errors } = await send(
        planStack!,
        ReclaimableDocument,
        { partnerId: PLAN_PARTNER, asOf: PLAN_AS_OF },
        PLAN_ADMIN,
      );
      expect(errors).toBeUndefined();
      const today = todayUtc();
      const ids = planning.customers.map((c) => c.id);
      const order = [...ids].sort(
        (a, b) =>
          totalReclaimable(planning, b, today) - totalReclaimable(planning, a, today) ||
          b.localeCompare(a),
      );
      const names = new Map(
        [...planning.clusters, ...planning.tenants].map((s) => [
          s.id,
          { id: s.id, name: s.name, region: s.region },
        ]),
      );
      expect(data?.partner?.customers.nodes).toEqual(
        order.map((id) => ({
          id,
          name: planning.customers.find((c) => c.id === id)!.name,
          reclaimable: expectedReclaimable(planning, id, PLAN_AS_OF).map(
            ({ idleSources, ...r }) => ({
              ...r,
              idleSources: idleSources.map((s) => names.get(s)),
            }),
          ),
        })),
      );
      const idle = data!.partner!.customers.nodes.flatMap((n) =>
        (n.reclaimable ?? []).flatMap((r) => r.idleSources.map((s) => s.id)),
      );
      expect(idle.sort()).toEqual(['cl-plan-a3', 'cl-plan-a3', 'cl-plan-d2']);
    });
  });
});
