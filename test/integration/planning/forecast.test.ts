import { usageSubgraph } from '../../../src/subgraphs/usage';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { StatementCounter } from '../../support/statement-counter';
import { entitiesQuery, representations, runAs } from '../../support/subgraph';
import {
  PLAN_ADMIN,
  PLAN_AS_OF,
  PLAN_CUSTOMER_ADMIN,
  loadPlanningFixture,
  planDay,
} from './planning-fixture';

// Customer.forecast, LicenseSubscription.forecast and EXHAUSTION_FORECAST on the planning
// fixture, through the usage subgraph's `_entities` as the gateway asks. Expected numbers follow
// from the fixture's formulas (planning-fixture.ts).

let db: TestDatabase;
const counter = new StatementCounter();

beforeAll(async () => {
  db = await openTestDatabase({ logger: counter });
  await loadPlanningFixture(db.ds);
});

afterAll(async () => {
  await db?.close();
});

const FORECAST = `forecast(asOf: $asOf, historyDays: $historyDays) {
  licenseType purchased consumed dailyTrend exhaustionDate earliest latest historyDays asOf }`;

async function forecastOf(
  typename: 'Customer' | 'LicenseSubscription',
  ids: string[],
  historyDays = 90,
  user = PLAN_ADMIN,
) {
  const source = entitiesQuery(typename, `id ${FORECAST}`).replace(
    'query($representations: [_Any!]!)',
    'query($representations: [_Any!]!, $asOf: Date, $historyDays: Int)',
  );
  const result = await runAs(
    usageSubgraph,
    db.ds,
    user,
    source,
    { ...representations(typename, ids), asOf: PLAN_AS_OF, historyDays },
    PLAN_AS_OF,
  );
  return result;
}

const exact = (licenseType: string, purchased: number, consumed: number, trend: number) => ({
  licenseType,
  purchased,
  consumed,
  dailyTrend: trend,
  asOf: PLAN_AS_OF,
});

describe('forecast', () => {
  it("follows each subscription's trend to the day it reaches purchased", async () => {
    const { data, errors } = await forecastOf('LicenseSubscription', [
      'Sub-plan-a',
      'Sub-plan-b',
      'Sub-plan-c',
    ]);
    expect(errors).toBeUndefined();
    const [a, b, c] = (data as { _entities: Array<{ forecast: unknown[] }> })._entities;
    expect(a.forecast).toEqual([
      // 140 + 2i over 90 days (a2's weekly 40 stands between its reports): 318 on asOf, 400
      // reached (400 - 318) / 2 = 41 days later; an exact line has no band.
      {
        ...exact('PROFESSIONAL', 400, 318, 2),
        exhaustionDate: planDay(41),
        earliest: planDay(41),
        latest: planDay(41),
        historyDays: 90,
      },
      // Flat at 60.
      {
        ...exact('STANDARD', 100, 60, 0),
        exhaustionDate: null,
        earliest: null,
        latest: null,
        historyDays: 90,
      },
    ]);
    // 20 days of 100 + 5k: 195 on asOf, 200 the next day.
    expect(b.forecast).toEqual([
      {
        ...exact('BASIC', 200, 195, 5),
        exhaustionDate: planDay(1),
        earliest: planDay(1),
        latest: planDay(1),
        historyDays: 20,
      },
    ]);
    // 10 days of history: a trend, no date.
    expect(c.forecast).toEqual([
      {
        ...exact('SPEECH_VIEW', 50, 37, 3),
        exhaustionDate: null,
        earliest: null,
        latest: null,
        historyDays: 10,
      },
    ]);
  });

  it('starts a shorter history at the level the sources had reached before it', async () => {
    const { data } = await forecastOf('LicenseSubscription', ['Sub-plan-a'], 60);
    const [a] = (data as { _entities: Array<{ forecast: Array<Record<string, unknown>> }> })
      ._entities;
    expect(a.forecast[0]).toMatchObject({
      licenseType: 'PROFESSIONAL',
      dailyTrend: 2,
      exhaustionDate: planDay(41),
      historyDays: 60,
    });
  });

  it("sums a customer's subscriptions per license type", async () => {
    const { data } = await forecastOf('Customer', ['c-plan-1']);
    const [customer] = (data as { _entities: Array<{ forecast: Array<Record<string, unknown>> }> })
      ._entities;
    expect(customer.forecast.map((f) => [f.licenseType, f.dailyTrend, f.exhaustionDate])).toEqual([
      ['PROFESSIONAL', 2, planDay(41)],
      ['STANDARD', 0, null],
      ['BASIC', 5, planDay(1)],
      ['SPEECH_VIEW', 3, null],
    ]);
  });

  it('refuses a history out of range and an empty list of license types', async () => {
    for (const historyDays of [0, 366]) {
      const { errors } = await forecastOf('Customer', ['c-plan-1'], historyDays);
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(errors?.[0]?.message).toMatch(/historyDays must be from 1 to 365/);
    }
    const { errors } = await runAs(
      usageSubgraph,
      db.ds,
      PLAN_ADMIN,
      entitiesQuery('Customer', 'forecast(licenseTypes: []) { licenseType }'),
      representations('Customer', ['c-plan-1']),
      PLAN_AS_OF,
    );
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('is null for a customer out of scope', async () => {
    const { data, errors } = await forecastOf('Customer', ['c-plan-1'], 90, PLAN_CUSTOMER_ADMIN);
    expect(errors).toBeUndefined();
    expect(data).toEqual({ _entities: [null] });
  });

  it('raises EXHAUSTION_FORECAST within 60 days, with severity by distance', async () => {
    const { data, errors } = await runAs(
      usageSubgraph,
      db.ds,
      PLAN_ADMIN,
      entitiesQuery(
        'Customer',
        `alerts(kinds: [EXHAUSTION_FORECAST]) {
          kind severity licenseType consumed purchased actionDue subscription { id } }`,
      ),
      representations('Customer', ['c-plan-1', 'c-plan-2', 'c-plan-3']),
      PLAN_AS_OF,
    );
    expect(errors).toBeUndefined();
    const alerts = (data as { _entities: Array<{ alerts: unknown[] }> })._entities.map(
      (c) => c.alerts,
    );
    const alert = (
      id: string,
      type: string,
      severity: string,
      c: number,
      p: number,
      due: string,
    ) => ({
      kind: 'EXHAUSTION_FORECAST',
      severity,
      licenseType: type,
      consumed: c,
      purchased: p,
      actionDue: due,
      subscription: { id },
    });
    expect(alerts).toEqual([
      [
        alert('Sub-plan-a', 'PROFESSIONAL', 'MINOR', 318, 400, planDay(41)),
        alert('Sub-plan-b', 'BASIC', 'CRITICAL', 195, 200, planDay(1)),
      ],
      [],
      [],
    ]);
  });

  it('runs the same statements for one customer as for three', async () => {
    const measure = async (ids: string[]) =>
      (await counter.measure(() => forecastOf('Customer', ids))).statements.length;
    const one = await measure(['c-plan-2']);
    expect(await measure(['c-plan-1', 'c-plan-2', 'c-plan-3'])).toBe(one);
    // The viewer, the references, the summaries, the daily totals.
    expect(one).toBe(4);
  });
});
