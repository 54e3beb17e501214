import { FIXTURE_TODAY } from '../../support/graph-fixture';
import {
  licenseSummary,
  subscriptionsOfCustomer,
  subscriptionsOfPartner,
} from '../../support/oracle';
import type { Summary } from '../../support/oracle';
import { customerOfSubscription } from '../subscriptions/expected';
import { openUsageTestEnv, partnerFullAdmin } from './setup';
import type { UsageTestEnv } from './setup';

// licenseSummary on LicenseSubscription, Customer and Partner against sums the oracle computes
// from the fixture's entitlements and usage rows. Each entity is asked by the full admin of its
// partner, through `_entities` as the gateway reaches it.

let env: UsageTestEnv;

beforeAll(async () => {
  env = await openUsageTestEnv();
});

afterAll(async () => {
  await env?.db.close();
});

const SELECTION =
  'id licenseSummary(asOf: $asOf) { licenseType purchased consumed available utilization asOf oldestReportOn }';

// Today; the last day of the STANDARD entitlement that ended; the first day after it; the first
// day of the ROOM_SYSTEM entitlement that starts later; a day before any usage was reported.
const DAYS = [FIXTURE_TODAY, '2026-09-30', '2026-10-01', '2027-01-01', '2025-06-01'];

function partnerOfCustomer(customerId: string): string {
  const customer = env.fixture.customers.find((c) => c.id === customerId);
  if (!customer) throw new Error(`no customer ${customerId}`);
  return customer.partnerId;
}

const LEVELS = {
  LicenseSubscription: {
    ids: () => env.fixture.subscriptions.map((s) => s.id),
    partnerOf: (id: string) => partnerOfCustomer(customerOfSubscription(env.fixture, id)),
    subscriptionsOf: (id: string) => [id],
  },
  Customer: {
    ids: () => env.fixture.customers.map((c) => c.id),
    partnerOf: partnerOfCustomer,
    subscriptionsOf: (id: string) => subscriptionsOfCustomer(env.fixture, id),
  },
  Partner: {
    ids: () => env.fixture.partners.map((p) => p.id),
    partnerOf: (id: string) => id,
    subscriptionsOf: (id: string) => subscriptionsOfPartner(env.fixture, id),
  },
};

/** Every entity of the level, asked by the full admin of its partner (one request per partner). */
async function summariesOf(
  typename: keyof typeof LEVELS,
  asOf: string | null,
): Promise<Record<string, Summary[]>> {
  const level = LEVELS[typename];
  const answers: Record<string, Summary[]> = {};
  for (const partner of env.fixture.partners) {
    const ids = level.ids().filter((id) => level.partnerOf(id) === partner.id);
    const entities = await env.entities<{ id: string; licenseSummary: Summary[] }>(
      partnerFullAdmin(env.fixture, partner.id),
      typename,
      ids,
      SELECTION,
      { asOf },
    );
    entities.forEach((entity, i) => {
      if (!entity) throw new Error(`${typename} ${ids[i]} did not resolve`);
      answers[ids[i]] = entity.licenseSummary;
    });
  }
  return answers;
}

function expectedOf(typename: keyof typeof LEVELS, asOf: string): Record<string, Summary[]> {
  const level = LEVELS[typename];
  return Object.fromEntries(
    level.ids().map((id) => [id, licenseSummary(env.fixture, level.subscriptionsOf(id), asOf)]),
  );
}

const find = (summaries: Summary[], licenseType: string) =>
  summaries.find((s) => s.licenseType === licenseType);

describe.each(Object.keys(LEVELS) as Array<keyof typeof LEVELS>)(
  '%s.licenseSummary',
  (typename) => {
    it.each(DAYS)('sums what is purchased and consumed on %s', async (asOf) => {
      expect(await summariesOf(typename, asOf)).toEqual(expectedOf(typename, asOf));
    });

    it('defaults asOf to today', async () => {
      expect(await summariesOf(typename, null)).toEqual(expectedOf(typename, FIXTURE_TODAY));
    });
  },
);

// The cases the sums above must get right, shown on the fixture so that they cannot go missing.
describe('the fixture covers', () => {
  const today = () => licenseSummary(env.fixture, ['Sub-100001'], FIXTURE_TODAY);

  it('an entitlement that ended: consumed but no longer purchased, utilization null', () => {
    expect(
      find(licenseSummary(env.fixture, ['Sub-100001'], '2026-09-30'), 'STANDARD'),
    ).toMatchObject({ purchased: 100 });
    expect(find(today(), 'STANDARD')).toMatchObject({ purchased: 0, utilization: null });
    expect(find(today(), 'STANDARD')?.consumed).toBeGreaterThan(0);
  });

  it('an entitlement that starts later, on a type reported as 0', () => {
    expect(find(today(), 'ROOM_SYSTEM')).toMatchObject({
      purchased: 0,
      consumed: 0,
      utilization: null,
    });
    expect(
      find(licenseSummary(env.fixture, ['Sub-100001'], '2027-01-01'), 'ROOM_SYSTEM'),
    ).toMatchObject({ purchased: 20 });
  });

  it('an open-ended entitlement and a source that never reported a type', () => {
    const professional = find(today(), 'PROFESSIONAL');
    expect(professional).toMatchObject({ purchased: 500 });
    // cl-fra-1 reports PROFESSIONAL but never STANDARD; it went silent on 2026-11-20.
    expect(professional?.oldestReportOn).toBe('2026-11-20');
    expect(
      env.fixture.usage.some((u) => u.sourceId === 'cl-fra-1' && u.licenseType === 'STANDARD'),
    ).toBe(false);
  });

  it('purchased licenses with nothing reported yet', () => {
    const before = licenseSummary(env.fixture, ['Sub-200002'], '2025-06-01');
    expect(before).toEqual([expect.objectContaining({ consumed: 0, oldestReportOn: null })]);
  });
});
