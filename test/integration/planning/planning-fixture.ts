import type { DataSource } from 'typeorm';
import { addDays } from '../../../src/days';
import { loadGraphFixture } from '../../support/graph-fixture';
import type { FixtureUsage, GraphFixture } from '../../support/graph-fixture';

// A fixture built for the forecast and reclaimable licenses: series with known slopes, a source
// that reports only now and then (its last value stands in between), a short history, idle
// sources, a peak in the middle of the window and one before it. Days are offsets from
// PLAN_AS_OF; the expected numbers are worked out in the tests from the formulas below.

export const PLAN_AS_OF = '2026-06-30';
export const PLAN_PARTNER = 'p-plan';
export const PLAN_ADMIN = 'u-plan-admin';
/** A customer admin of c-plan-2 only. */
export const PLAN_CUSTOMER_ADMIN = 'u-plan-two';

export const planDay = (offset: number): string => addDays(PLAN_AS_OF, offset);

/** Rows of one source and type for offsets from..to (0 = PLAN_AS_OF); null: no report that day. */
function rows(
  sourceId: string,
  licenseType: string,
  from: number,
  to: number,
  value: (offset: number) => number | null,
): FixtureUsage[] {
  const out: FixtureUsage[] = [];
  for (let offset = from; offset <= to; offset++) {
    const consumed = value(offset);
    if (consumed !== null) out.push({ sourceId, licenseType, date: planDay(offset), consumed });
  }
  return out;
}

/** i: days since the first of the 90-day history (offset -89). */
const i = (offset: number) => offset + 89;

export const PLAN_USAGE: FixtureUsage[] = [
  // Sub-plan-a PROFESSIONAL: 100 + 2i on a1, 40 on a2 (daily, then weekly): 140 + 2i in all.
  ...rows('cl-plan-a1', 'PROFESSIONAL', -89, 0, (o) => 100 + 2 * i(o)),
  ...rows('cl-plan-a2', 'PROFESSIONAL', -89, 0, (o) => (i(o) < 30 || i(o) % 7 === 0 ? 40 : null)),
  ...rows('cl-plan-a3', 'PROFESSIONAL', -89, 0, () => 0),
  // Sub-plan-a STANDARD: flat at 60.
  ...rows('cl-plan-a1', 'STANDARD', -89, 0, () => 60),
  ...rows('cl-plan-a3', 'STANDARD', -89, 0, () => 0),
  // Sub-plan-b BASIC: 20 days of 100 + 5k (k = 0 .. 19): 195 on PLAN_AS_OF.
  ...rows('t-plan-b1', 'BASIC', -19, 0, (o) => 100 + 5 * (o + 19)),
  // Sub-plan-c SPEECH_VIEW: 10 days only of 10 + 3k.
  ...rows('t-plan-c1', 'SPEECH_VIEW', -9, 0, (o) => 10 + 3 * (o + 9)),
  // c-plan-2: 20 a day with 70 on day -10 and 95 before the window (day -40); d2 reported 5
  // until day -30 and 0 since.
  ...rows('cl-plan-d1', 'PROFESSIONAL', -89, 0, (o) => (o === -10 ? 70 : o === -40 ? 95 : 20)),
  ...rows('cl-plan-d2', 'PROFESSIONAL', -89, 0, (o) => (o <= -30 ? 5 : 0)),
  // c-plan-3: more BASIC than purchased; a source that reported 0 only before the window.
  ...rows('t-plan-e1', 'BASIC', -29, 0, () => 15),
  ...rows('t-plan-e2', 'BASIC', -60, -31, () => 0),
];

const cluster = (id: string, subscriptionId: string, region: string) => ({
  id,
  subscriptionId,
  name: id.toUpperCase(),
  region,
  servers: [],
});
const tenant = (id: string, subscriptionId: string, region: string) => ({
  id,
  subscriptionId,
  name: id.toUpperCase(),
  region,
});
const subscription = (
  id: string,
  customerId: string,
  kind: 'DEDICATED_INSTANCE' | 'MULTI_TENANT',
  purchased: Record<string, number>,
) => ({
  id,
  customerId,
  kind,
  status: 'ACTIVE',
  startDate: '2026-01-01',
  entitlements: Object.entries(purchased).map(([licenseType, quantity]) => ({
    licenseType,
    quantity,
    startDate: '2026-01-01',
  })),
});

export function planningFixture(): GraphFixture {
  return {
    partners: [{ id: PLAN_PARTNER, name: 'Planning Partner' }],
    customers: [
      { id: 'c-plan-1', partnerId: PLAN_PARTNER, name: 'Plan One' },
      { id: 'c-plan-2', partnerId: PLAN_PARTNER, name: 'Plan Two' },
      { id: 'c-plan-3', partnerId: PLAN_PARTNER, name: 'Plan Three' },
    ],
    subscriptions: [
      subscription('Sub-plan-a', 'c-plan-1', 'DEDICATED_INSTANCE', {
        PROFESSIONAL: 400,
        STANDARD: 100,
      }),
      subscription('Sub-plan-b', 'c-plan-1', 'MULTI_TENANT', { BASIC: 200 }),
      subscription('Sub-plan-c', 'c-plan-1', 'MULTI_TENANT', { SPEECH_VIEW: 50 }),
      subscription('Sub-plan-d', 'c-plan-2', 'DEDICATED_INSTANCE', { PROFESSIONAL: 100 }),
      subscription('Sub-plan-e', 'c-plan-3', 'MULTI_TENANT', { BASIC: 10, PROFESSIONAL: 10 }),
    ],
    clusters: [
      cluster('cl-plan-a1', 'Sub-plan-a', 'EMEA'),
      cluster('cl-plan-a2', 'Sub-plan-a', 'AMER'),
      cluster('cl-plan-a3', 'Sub-plan-a', 'APJC'),
      cluster('cl-plan-d1', 'Sub-plan-d', 'EMEA'),
      cluster('cl-plan-d2', 'Sub-plan-d', 'EMEA'),
    ],
    tenants: [
      tenant('t-plan-b1', 'Sub-plan-b', 'AMER'),
      tenant('t-plan-c1', 'Sub-plan-c', 'AMER'),
      tenant('t-plan-e1', 'Sub-plan-e', 'APJC'),
      tenant('t-plan-e2', 'Sub-plan-e', 'APJC'),
    ],
    users: [
      { id: PLAN_ADMIN, email: 'admin@plan.example', displayName: 'Plan Admin' },
      { id: PLAN_CUSTOMER_ADMIN, email: 'two@plan.example', displayName: 'Plan Two Admin' },
      { id: 'u-plan-none', email: 'none@plan.example', displayName: 'No Roles' },
    ],
    roleAssignments: [
      { userId: PLAN_ADMIN, role: 'PARTNER_FULL_ADMIN', partnerId: PLAN_PARTNER },
      { userId: PLAN_CUSTOMER_ADMIN, role: 'FULL_ADMIN', customerId: 'c-plan-2' },
    ],
    usage: PLAN_USAGE,
  };
}

export async function loadPlanningFixture(ds: DataSource): Promise<GraphFixture> {
  return loadGraphFixture(ds, planningFixture());
}
