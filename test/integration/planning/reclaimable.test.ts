import { organizationsSubgraph } from '../../../src/subgraphs/organizations';
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
} from './planning-fixture';

// Customer.reclaimable and customers ordered by RECLAIMABLE on the planning fixture. Expected
// numbers follow from the fixture's formulas (planning-fixture.ts), window days -29 .. 0.

let db: TestDatabase;
const counter = new StatementCounter();

beforeAll(async () => {
  db = await openTestDatabase({ logger: counter });
  await loadPlanningFixture(db.ds);
});

afterAll(async () => {
  await db?.close();
});

const SELECTION = `id reclaimable(asOf: $asOf, windowDays: $windowDays) {
  licenseType purchased peak reclaimable windowDays asOf idleSources { __typename id } }`;

function reclaimableOf(ids: string[], windowDays: number | null = 30, user = PLAN_ADMIN) {
  const source = entitiesQuery('Customer', SELECTION).replace(
    'query($representations: [_Any!]!)',
    'query($representations: [_Any!]!, $asOf: Date, $windowDays: Int)',
  );
  return runAs(
    usageSubgraph,
    db.ds,
    user,
    source,
    { ...representations('Customer', ids), asOf: PLAN_AS_OF, windowDays },
    PLAN_AS_OF,
  );
}

const row = (
  licenseType: string,
  purchased: number,
  peak: number,
  idle: Array<['Cluster' | 'Tenant', string]> = [],
  windowDays = 30,
) => ({
  licenseType,
  purchased,
  peak,
  reclaimable: Math.max(0, purchased - peak),
  windowDays,
  asOf: PLAN_AS_OF,
  idleSources: idle.map(([__typename, id]) => ({ __typename, id })),
});

describe('reclaimable licenses', () => {
  it('sets purchased against the peak day of the window, never below 0, with idle sources', async () => {
    const { data, errors } = await reclaimableOf(['c-plan-1', 'c-plan-2', 'c-plan-3']);
    expect(errors).toBeUndefined();
    expect((data as { _entities: unknown[] })._entities).toEqual([
      {
        id: 'c-plan-1',
        reclaimable: [
          // 100 + 2i + 40 + 0 at its highest on asOf: 318; a3 reports only 0.
          row('PROFESSIONAL', 400, 318, [['Cluster', 'cl-plan-a3']]),
          row('STANDARD', 100, 60, [['Cluster', 'cl-plan-a3']]),
          row('BASIC', 200, 195),
          row('SPEECH_VIEW', 50, 37),
        ],
      },
      {
        id: 'c-plan-2',
        // The 70 of day -10 is the peak; the 95 of day -40 lies before the window; d2's 5 ended
        // the day before the window, so it reported only 0 in it.
        reclaimable: [row('PROFESSIONAL', 100, 70, [['Cluster', 'cl-plan-d2']])],
      },
      {
        id: 'c-plan-3',
        // More BASIC in use than bought: 0 to reclaim; e2's zeros lie before the window.
        reclaimable: [row('PROFESSIONAL', 10, 0), row('BASIC', 10, 15)],
      },
    ]);
  });

  it('takes the window asked for, and the default for null', async () => {
    const { data } = await reclaimableOf(['c-plan-2'], 7);
    expect((data as { _entities: unknown[] })._entities).toEqual([
      {
        id: 'c-plan-2',
        reclaimable: [row('PROFESSIONAL', 100, 20, [['Cluster', 'cl-plan-d2']], 7)],
      },
    ]);
    const byDefault = await reclaimableOf(['c-plan-2'], null);
    expect(JSON.stringify(byDefault.data)).toContain('"windowDays":30');
  });

  it('refuses a window out of range', async () => {
    for (const windowDays of [0, 366]) {
      const { errors } = await reclaimableOf(['c-plan-1'], windowDays);
      expect(errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
        ['BAD_USER_INPUT', `windowDays must be from 1 to 365, got ${windowDays}`],
      ]);
    }
  });

  it('is null for a customer out of scope, and cut to the scope for one in it', async () => {
    const { data, errors } = await reclaimableOf(['c-plan-1', 'c-plan-2'], 30, PLAN_CUSTOMER_ADMIN);
    expect(errors).toBeUndefined();
    const entities = (data as { _entities: Array<{ reclaimable: unknown[] } | null> })._entities;
    expect(entities[0]).toBeNull();
    expect(entities[1]?.reclaimable).toHaveLength(1);
  });

  it('runs the same statements for one customer as for three', async () => {
    const measure = async (ids: string[]) =>
      (await counter.measure(() => reclaimableOf(ids))).statements.length;
    const one = await measure(['c-plan-2']);
    expect(await measure(['c-plan-1', 'c-plan-2', 'c-plan-3'])).toBe(one);
    // The viewer, the references, the entitlements in force, the daily totals, the idle sources.
    expect(one).toBe(5);
  });

  it('orders customers by their reclaimable licenses of every type together', async () => {
    const list = async (direction: string, first: number, after?: string) => {
      const { data, errors } = await runAs(
        organizationsSubgraph,
        db.ds,
        PLAN_ADMIN,
        `query($after: String) { partner(id: "p-plan") { customers(first: ${first}, after: $after,
           orderBy: { field: RECLAIMABLE, direction: ${direction} }) {
           nodes { id } pageInfo { endCursor hasNextPage } } } }`,
        { after: after ?? null },
        PLAN_AS_OF,
      );
      expect(errors).toBeUndefined();
      return (
        data as {
          partner: {
            customers: {
              nodes: Array<{ id: string }>;
              pageInfo: { endCursor: string; hasNextPage: boolean };
            };
          };
        }
      ).partner.customers;
    };
    // 82 + 40 + 5 + 13 = 140, then 30, then 0 + 10.
    expect((await list('DESC', 10)).nodes.map((n) => n.id)).toEqual([
      'c-plan-1',
      'c-plan-2',
      'c-plan-3',
    ]);
    const first = await list('ASC', 2);
    expect(first.nodes.map((n) => n.id)).toEqual(['c-plan-3', 'c-plan-2']);
    const rest = await list('ASC', 2, first.pageInfo.endCursor);
    expect(rest.nodes.map((n) => n.id)).toEqual(['c-plan-1']);
    expect(rest.pageInfo.hasNextPage).toBe(false);
  });
});
