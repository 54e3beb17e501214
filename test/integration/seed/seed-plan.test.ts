import { LICENSE_TYPES, ServerRole, SubscriptionKind } from '../../../src/db/enums';
import { addDays } from '../../../src/days';
import { DEMO_STORY } from '../../../src/ingest/seed/demo/story';
import { seedPlan } from '../../../src/ingest/seed/scales';
import { sourceRows } from '../../../src/ingest/seed/usage-series';

// The plans are checked without a database: the bench scale is too large to write in a test, so
// its shape is checked here, on the plan and on a sample of its generated rows.

const TODAY = '2026-11-29';

function countBy<T>(items: T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('bench plan', () => {
  const plan = seedPlan('bench', TODAY);
  const { document } = plan;

  it('has 1 partner and 400 customers, each with one subscription of each kind', () => {
    expect(document.partners).toHaveLength(1);
    expect(document.customers).toHaveLength(400);
    const kindsPerCustomer = countBy(document.subscriptions, (s) => `${s.customerId}/${s.kind}`);
    expect(kindsPerCustomer.size).toBe(800);
    expect([...kindsPerCustomer.values()].every((n) => n === 1)).toBe(true);
  });

  it('gives each Dedicated Instance subscription 3 clusters of 2 servers, each multi-tenant one 2 tenants', () => {
    const kindOf = new Map(document.subscriptions.map((s) => [s.id, s.kind]));
    const clusters = countBy(document.clusters, (c) => c.subscriptionId);
    const tenants = countBy(document.tenants, (t) => t.subscriptionId);
    for (const subscription of document.subscriptions) {
      const di = subscription.kind === SubscriptionKind.DEDICATED_INSTANCE;
      expect(clusters.get(subscription.id) ?? 0).toBe(di ? 3 : 0);
      expect(tenants.get(subscription.id) ?? 0).toBe(di ? 0 : 2);
    }
    expect(
      document.clusters.every(
        (c) => kindOf.get(c.subscriptionId) === SubscriptionKind.DEDICATED_INSTANCE,
      ),
    ).toBe(true);
    expect(document.clusters.every((c) => c.servers.length === 2)).toBe(true);
    expect(document.clusters[0].servers.map((s) => s.role)).toEqual([
      ServerRole.PUBLISHER,
      ServerRole.SUBSCRIBER,
    ]);
  });

  it('plans 365 days of 4 license types for each of its 2,000 sources: 2,920,000 rows', () => {
    const sources = [...plan.sources()];
    expect(sources).toHaveLength(2000);
    expect(sources.every((s) => s.series.length === 4)).toBe(true);
    expect(sources.every((s) => s.firstDay === addDays(TODAY, -364) && s.lastDay === TODAY)).toBe(
      true,
    );
    expect(plan.usageRows).toBe(2_920_000);
    const perCustomer = countBy(sources, (s) => s.source.customerId);
    expect(perCustomer.size).toBe(400);
    expect([...perCustomer.values()].every((n) => n === 5)).toBe(true);
  });

  it('generates a source’s rows as planned: every day once per license type, within the entitlement', () => {
    const [first] = plan.sources();
    const rows = [...sourceRows(first)];
    expect(rows).toHaveLength(365 * 4);
    expect(new Set(rows.map((r) => `${r.licenseType}/${r.day}`)).size).toBe(rows.length);
    expect(
      rows.every(
        (r) => r.customerId === first.source.customerId && r.region === first.source.region,
      ),
    ).toBe(true);
    const subscription = document.subscriptions.find((s) => s.id === first.source.subscriptionId);
    for (const entitlement of subscription?.entitlements ?? []) {
      const values = rows
        .filter((r) => r.licenseType === entitlement.licenseType)
        .map((r) => r.consumed);
      expect(Math.max(...values)).toBeLessThanOrEqual(entitlement.quantity);
      expect(Math.min(...values)).toBeGreaterThan(0);
    }
  });

  it('uses ids that are unique across tables and fit the id column', () => {
    const ids = [
      ...document.partners,
      ...document.customers,
      ...document.subscriptions,
      ...document.clusters,
      ...document.tenants,
      ...document.users,
    ].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => id.length <= 64)).toBe(true);
  });
});

describe('small plan', () => {
  it('has 1 partner, 10 customers and 30 days of usage', () => {
    const plan = seedPlan('small', TODAY);
    expect(plan.document.partners).toHaveLength(1);
    expect(plan.document.customers).toHaveLength(10);
    const sources = [...plan.sources()];
    expect(sources.every((s) => s.firstDay === addDays(TODAY, -29))).toBe(true);
    expect(plan.usageRows).toBe(sources.length * 4 * 30);
  });
});

describe('demo plan', () => {
  const plan = seedPlan('demo', TODAY);
  const { document } = plan;

  it('reads like a real book of business', () => {
    expect(document.partners.length).toBeGreaterThanOrEqual(3);
    expect(document.customers.length).toBeGreaterThanOrEqual(12);
    const regions = new Set([...document.clusters, ...document.tenants].map((s) => s.region));
    expect([...regions].sort()).toEqual(['AMER', 'APJC', 'EMEA']);
    const di = document.subscriptions.filter((s) => s.kind === SubscriptionKind.DEDICATED_INSTANCE);
    const clustersPer = countBy(document.clusters, (c) => c.subscriptionId);
    expect(di.every((s) => [2, 3].includes(clustersPer.get(s.id) ?? 0))).toBe(true);
    const roles = new Set(document.clusters.flatMap((c) => c.servers.map((s) => s.role)));
    expect(roles).toEqual(new Set(Object.values(ServerRole).filter((r) => r !== ServerRole.OTHER)));
    expect(document.subscriptions.every((s) => /^Sub-\d{6}$/.test(s.id))).toBe(true);
  });

  it('has entitlements with an end date and open-ended ones', () => {
    const entitlements = document.subscriptions.flatMap((s) => s.entitlements);
    expect(entitlements.some((e) => e.endDate !== undefined)).toBe(true);
    expect(entitlements.some((e) => e.endDate === undefined)).toBe(true);
  });

  it('plans no usage before a subscription starts and none after a silent source stopped', () => {
    const start = new Map(document.subscriptions.map((s) => [s.id, s.startDate]));
    const sources = [...plan.sources()];
    expect(sources.every((s) => s.firstDay >= (start.get(s.source.subscriptionId) ?? ''))).toBe(
      true,
    );
    const stale = sources.find((s) => s.source.id === DEMO_STORY.staleData.sourceId);
    expect(stale?.lastDay).toBe(addDays(TODAY, -DEMO_STORY.staleData.silentDays));
    expect(LICENSE_TYPES).toContain(DEMO_STORY.neverReported.licenseType);
  });

  it('is the same plan for the same day, and moves with the day', () => {
    const again = seedPlan('demo', TODAY);
    expect(again.document).toEqual(document);
    expect([...again.sources()]).toEqual([...plan.sources()]);
    const later = seedPlan('demo', addDays(TODAY, 1));
    expect(later.document.subscriptions[0].startDate).toBe(
      addDays(document.subscriptions[0].startDate, 1),
    );
  });
});

it.each(['demo', 'small', 'bench'] as const)(
  'reports in %s only license types the source’s subscription entitles',
  (scale) => {
    const plan = seedPlan(scale, TODAY);
    const entitled = new Map(
      plan.document.subscriptions.map((s) => [
        s.id,
        new Set(s.entitlements.map((e) => e.licenseType)),
      ]),
    );
    const unentitled = [...plan.sources()].flatMap((source) =>
      source.series
        .filter((series) => !entitled.get(source.source.subscriptionId)?.has(series.licenseType))
        .map((series) => `${source.source.id}/${series.licenseType}`),
    );
    expect(unentitled).toEqual([]);
  },
);

it('refuses an unknown scale', () => {
  expect(() => seedPlan('huge' as never, TODAY)).toThrow(
    'seed scale must be one of demo, small, bench, got "huge"',
  );
});
