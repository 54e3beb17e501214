import { loadViewer } from '../../../src/auth/load-viewer';
import { scopeReaders } from '../../../src/auth/scope-readers';
import { demoExampleVariables } from '../../../src/cli/playground/example-variables';
import { createSchedule } from '../../../src/subgraphs/usage/schedules/api/create-schedule';
import type { CreateReportScheduleInput } from '../../../src/subgraphs/usage/schedules/api/create-report-schedule.input';
import { dateTimeValue } from '../../../src/db/date-time-value';
import { Role, SubscriptionStatus } from '../../../src/db/enums';
import { addDays } from '../../../src/days';
import { DEMO_PARTNER_ID, DEMO_STORY, DEMO_USER_ID, seed } from '../../../src/ingest/seed/seed';
import type { SeedSummary } from '../../../src/ingest/seed/seed';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { dumpDigests } from './table-dump';

// The demo data tells the story of demo/story.ts. Each check reads the database and recomputes
// the situation from the rows (latest snapshot per source, entitlements in force today), and
// expects exactly the story's cases: no alert in the demo should have a second, accidental cause.

const TODAY = '2026-11-29';
const daysAgo = (n: number) => addDays(TODAY, -n);

interface Latest {
  source_id: string;
  license_type: string;
  day: string;
  consumed: number;
  subscription_id: string;
  customer_id: string;
  region: string;
}

const key = (...parts: string[]) => parts.join('/');

/** Sums `value` per key. */
function sumBy<T>(rows: T[], keyOf: (row: T) => string, value: (row: T) => number) {
  const sums = new Map<string, number>();
  for (const row of rows) sums.set(keyOf(row), (sums.get(keyOf(row)) ?? 0) + value(row));
  return sums;
}

describe('seed --scale demo', () => {
  let db: TestDatabase;
  let summary: SeedSummary;
  let latest: Latest[];
  let purchased: Map<string, number>;
  let subscriptions: Array<{ id: string; status: string; end_date: string | null }>;

  beforeAll(async () => {
    db = await openTestDatabase();
    summary = await seed(db.ds, 'demo', { today: TODAY });
    latest = await db.ds.query(
      `SELECT u.source_id, u.license_type, u.day, u.consumed, u.subscription_id, u.customer_id, u.region
         FROM license_usage u
         JOIN (SELECT source_id, license_type, MAX(day) AS last_day FROM license_usage
                WHERE day <= ? GROUP BY source_id, license_type) l
           ON l.source_id = u.source_id AND l.license_type = u.license_type AND l.last_day = u.day`,
      [TODAY],
    );
    const inForce: Array<{ subscription_id: string; license_type: string; quantity: number }> =
      await db.ds.query(
        `SELECT subscription_id, license_type, quantity FROM entitlements
          WHERE start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
        [TODAY, TODAY],
      );
    purchased = sumBy(
      inForce,
      (e) => key(e.subscription_id, e.license_type),
      (e) => Number(e.quantity),
    );
    subscriptions = await db.ds.query('SELECT id, status, end_date FROM subscriptions');
  });
  afterAll(() => db.close());

  const active = () => new Set(subscriptions.filter((s) => s.status === 'ACTIVE').map((s) => s.id));

  it('has several partners, a dozen named customers and 180 days of usage', async () => {
    expect(summary.tables.partners).toBeGreaterThanOrEqual(3);
    expect(summary.tables.customers).toBe(12);
    expect(summary.usage.inserted).toBe(summary.usageRows);
    const [range] = await db.ds.query(
      'SELECT MIN(day) AS first, MAX(day) AS last FROM license_usage',
    );
    expect(range).toEqual({ first: daysAgo(179), last: TODAY });
  });

  it('has a cluster, and so its subscription, over the license limit: only the story’s', () => {
    const { sourceId, subscriptionId, licenseType } = DEMO_STORY.overLicenseLimit;
    const overSources = latest
      .filter((u) => u.consumed > (purchased.get(key(u.subscription_id, u.license_type)) ?? 0))
      .map((u) => key(u.source_id, u.license_type));
    expect(overSources).toEqual([key(sourceId, licenseType)]);

    const consumed = sumBy(
      latest,
      (u) => key(u.subscription_id, u.license_type),
      (u) => u.consumed,
    );
    const overSubscriptions = [...consumed].filter(([k, n]) => n > (purchased.get(k) ?? 0));
    expect(overSubscriptions.map(([k]) => k)).toEqual([key(subscriptionId, licenseType)]);
  });

  it('has an idle region: every source of one customer there reports 0 of one license type', async () => {
    const { customerId, region, licenseType, idleForDays } = DEMO_STORY.unusedRegion;
    const groups = sumBy(
      latest,
      (u) => key(u.customer_id, u.region, u.license_type),
      (u) => u.consumed,
    );
    const idle = [...groups].filter(([, n]) => n === 0).map(([k]) => k);
    expect(idle).toEqual([key(customerId, region, licenseType)]);
    expect(
      latest.filter((u) => key(u.customer_id, u.region, u.license_type) === idle[0]),
    ).toHaveLength(2);

    const lastUsed: Array<{ last: string }> = await db.ds.query(
      `SELECT MAX(day) AS last FROM license_usage
        WHERE customer_id = ? AND region = ? AND license_type = ? AND consumed > 0`,
      [customerId, region, licenseType],
    );
    expect(lastUsed[0].last).toBe(daysAgo(idleForDays));
  });

  it('has one source that stopped reporting ten days ago', async () => {
    const lastDays: Array<{ source_id: string; last: string }> = await db.ds.query(
      'SELECT source_id, MAX(day) AS last FROM license_usage GROUP BY source_id',
    );
    const silent = lastDays.filter((s) => s.last < daysAgo(3));
    expect(silent).toEqual([{ source_id: DEMO_STORY.staleData.sourceId, last: daysAgo(10) }]);
    const [source] = await db.ds.query('SELECT last_reported_at FROM usage_sources WHERE id = ?', [
      DEMO_STORY.staleData.sourceId,
    ]);
    const reportedAt = source.last_reported_at;
    const reportedDay = reportedAt instanceof Date ? reportedAt.toISOString() : String(reportedAt);
    expect(reportedDay.slice(0, 10)).toBe(daysAgo(10));
  });

  it('has active subscriptions ending within 30 and within 90 days', () => {
    const endingWithin = (days: number) =>
      subscriptions
        .filter((s) => s.status === 'ACTIVE' && s.end_date !== null)
        .filter((s) => s.end_date! >= TODAY && s.end_date! <= addDays(TODAY, days))
        .map((s) => s.id)
        .sort();
    expect(endingWithin(30)).toEqual([DEMO_STORY.endsWithin30Days.subscriptionId]);
    expect(endingWithin(90)).toEqual(
      [
        DEMO_STORY.endsWithin30Days.subscriptionId,
        DEMO_STORY.endsWithin90Days.subscriptionId,
      ].sort(),
    );
  });

  it('has low utilisation only where the story puts it, including a type never reported', async () => {
    const consumed = sumBy(
      latest,
      (u) => key(u.subscription_id, u.license_type),
      (u) => u.consumed,
    );
    const low = [...purchased]
      .filter(([k]) => active().has(k.split('/')[0]))
      .filter(([k, bought]) => (consumed.get(k) ?? 0) / bought < 0.5)
      .map(([k]) => k)
      .sort();
    const { lowAssignment, neverReported } = DEMO_STORY;
    expect(low).toEqual([
      key(lowAssignment.subscriptionId, lowAssignment.licenseType),
      key(neverReported.subscriptionId, neverReported.licenseType),
    ]);
    const reported = await db.ds.query(
      'SELECT COUNT(*) AS n FROM license_usage WHERE subscription_id = ? AND license_type = ?',
      [neverReported.subscriptionId, neverReported.licenseType],
    );
    expect(Number(reported[0].n)).toBe(0);
  });

  it('has a trial, an expired subscription, and entitlements with and without an end', async () => {
    const byId = new Map(subscriptions.map((s) => [s.id, s.status]));
    expect(byId.get(DEMO_STORY.trial.subscriptionId)).toBe(SubscriptionStatus.TRIAL);
    expect(byId.get(DEMO_STORY.expired.subscriptionId)).toBe(SubscriptionStatus.EXPIRED);
    const ends = await db.ds.query(
      `SELECT SUM(CASE WHEN end_date IS NULL THEN 1 ELSE 0 END) AS open_ended,
              SUM(CASE WHEN end_date IS NULL THEN 0 ELSE 1 END) AS ending FROM entitlements`,
    );
    expect(Number(ends[0].open_ended)).toBeGreaterThan(0);
    expect(Number(ends[0].ending)).toBeGreaterThan(0);
  });

  it('looks reported: growth over the half year and fewer licenses in use at weekends', async () => {
    const first = await db.ds.query('SELECT SUM(consumed) AS n FROM license_usage WHERE day = ?', [
      daysAgo(170),
    ]);
    const last = await db.ds.query('SELECT SUM(consumed) AS n FROM license_usage WHERE day = ?', [
      daysAgo(2),
    ]);
    expect(Number(last[0].n)).toBeGreaterThan(Number(first[0].n) * 1.05);
    const series: Array<{ day: string; consumed: number }> = await db.ds.query(
      `SELECT day, consumed FROM license_usage WHERE source_id = 'cl-contoso-iad-1'
          AND license_type = 'PROFESSIONAL' AND day BETWEEN ? AND ? ORDER BY day`,
      [daysAgo(13), TODAY],
    );
    const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean(series.filter((s) => weekend(s.day)).map((s) => s.consumed))).toBeLessThan(
      mean(series.filter((s) => !weekend(s.day)).map((s) => s.consumed)),
    );
  });

  it('assigns every role, the demo user being the partner full admin of Northwind', async () => {
    const rows: Array<{
      user_id: string;
      role: string;
      partner_id: string | null;
      customer_id: string | null;
    }> = await db.ds.query('SELECT user_id, role, partner_id, customer_id FROM role_assignments');
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(Object.values(Role)));
    expect(rows).toContainEqual({
      user_id: DEMO_USER_ID,
      role: Role.PARTNER_FULL_ADMIN,
      partner_id: DEMO_PARTNER_ID,
      customer_id: null,
    });
    const managed = rows.filter((r) => r.role === Role.PARTNER_ADMIN).map((r) => r.customer_id);
    expect(managed).toHaveLength(2);
    const users = await db.ds.query('SELECT email, display_name FROM users');
    expect(users.every((u: { email: string }) => /^[^@\s]+@[^@\s]+\.example$/.test(u.email))).toBe(
      true,
    );
  });

  it('has one scheduled report e-mail, whose recipients may all read its customer', async () => {
    const schedules = await db.ds.query(
      'SELECT id, owner_id, customer_id, cadence, next_run_at FROM report_schedules',
    );
    expect(schedules).toEqual([
      expect.objectContaining({
        owner_id: DEMO_USER_ID,
        customer_id: DEMO_STORY.overLicenseLimit.customerId,
        cadence: 'WEEKLY',
      }),
    ]);
    // 2026-11-29 is a Sunday: the week under way ends on Monday the 30th.
    expect(dateTimeValue(schedules[0].next_run_at)).toEqual(new Date('2026-11-30T00:00:00Z'));
    const recipients: Array<{ user_id: string }> = await db.ds.query(
      'SELECT user_id FROM report_recipients WHERE schedule_id = ?',
      [schedules[0].id],
    );
    const readers = await scopeReaders(
      db.ds,
      { partnerId: DEMO_PARTNER_ID, customerId: DEMO_STORY.overLicenseLimit.customerId },
      recipients.map((r) => r.user_id),
    );
    expect(readers.size).toBe(3);
  });

  it("accepts the playground's (and README's) CreateReportSchedule example", async () => {
    const { input } = demoExampleVariables(TODAY).CreateReportSchedule as {
      input: CreateReportScheduleInput;
    };
    const viewer = await loadViewer(db.ds, DEMO_USER_ID);
    const id = await createSchedule(db.ds, viewer!, input, new Date(`${TODAY}T12:00:00Z`));
    const recipients = await db.ds.query(
      'SELECT user_id FROM report_recipients WHERE schedule_id = ? ORDER BY user_id',
      [id],
    );
    expect(recipients.map((r: { user_id: string }) => r.user_id)).toEqual(input.recipientIds);
    await db.ds.query('DELETE FROM report_schedules WHERE id = ?', [id]);
  });

  it('changes nothing when seeded again for the same day', async () => {
    const before = await dumpDigests(db.ds);
    const again = await seed(db.ds, 'demo', { today: TODAY });
    expect(again.usage).toEqual({ inserted: 0, updated: 0, unchanged: summary.usageRows });
    expect(await dumpDigests(db.ds)).toEqual(before);
  });
});
