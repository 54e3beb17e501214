import { usageSubgraph } from '../../../src/subgraphs/usage';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { loadGraphFixture } from '../../support/graph-fixture';
import type { GraphFixture } from '../../support/graph-fixture';
import { allGroupings, usageReport } from '../../support/reporting-oracle';
import type { Dimension, ReportFilter } from '../../support/reporting-oracle';
import { StatementCounter } from '../../support/statement-counter';
import { loadConfig } from '../../../src/config';
import { TEST_SETTINGS, runAs } from '../../support/subgraph';
import { ingest } from '../ingest-usage/setup';

// usageReport for every subset of the five dimensions at every granularity, against totals
// computed here from the fixture rows (test/support/reporting-oracle.ts), plus its limits.

const QUERY = `query($filter: UsageReportFilter!, $groupBy: [UsageDimension!]!, $granularity: Granularity!) {
  usageReport(filter: $filter, groupBy: $groupBy, granularity: $granularity) {
    rows { period customerId subscriptionId region sourceId licenseType consumed peak purchased }
  }
}`;

let db: TestDatabase;
let fixture: GraphFixture;
const counter = new StatementCounter();

beforeAll(async () => {
  db = await openTestDatabase({ logger: counter });
  fixture = await loadGraphFixture(db.ds);
});
afterAll(async () => {
  await db?.close();
});

async function report(
  userId: string,
  filter: ReportFilter,
  groupBy: readonly Dimension[],
  granularity: string,
  settings = TEST_SETTINGS,
) {
  const variables = { filter, groupBy, granularity };
  return runAs(usageSubgraph, db.ds, userId, QUERY, variables, undefined, settings);
}

const NORTH = ['c-acme', 'c-globex', 'c-initech'];
/** Daily usage and its rollups (src/db/rollups). */
const USAGE_TABLES = /license_usage|usage_daily_totals|usage_daily_stale|usage_bucket_last/;
/** Groupings a partner-wide report reads from the partner's daily totals. */
const readsPartnerTotals = (groupBy: readonly Dimension[]) =>
  groupBy.every((d) => d === 'REGION' || d === 'LICENSE_TYPE');
// Crosses a month and several weeks, and days where some sources are silent.
const FILTER: ReportFilter = { partnerId: 'p-north', from: '2026-09-20', to: '2026-10-12' };

describe.each(['DAY', 'WEEK', 'MONTH'] as const)('by %s', (granularity) => {
  it.each(allGroupings().map((groupBy) => [groupBy.join('+') || '(nothing)', groupBy] as const))(
    'grouped by %s matches the fixture',
    async (_name, groupBy) => {
      const { result, statements } = await counter.measure(() =>
        report('u-pfa-north', FILTER, groupBy, granularity),
      );
      expect(result.errors).toBeUndefined();
      const rows = (result.data as { usageReport: { rows: unknown[] } }).usageReport.rows;
      const expected = usageReport(fixture, NORTH, FILTER, groupBy, granularity);
      expect(expected.length).toBeGreaterThan(0);
      expect(rows).toEqual(expected);
      // The viewer's roles, then the report: one statement, however it is grouped, after one
      // that finds none of the partner's daily totals stale where it reads them.
      expect(statements.filter((s) => USAGE_TABLES.test(s))).toHaveLength(
        readsPartnerTotals(groupBy) ? 2 : 1,
      );
    },
  );
});

describe('filters and scope', () => {
  it('applies every filter', async () => {
    const filter: ReportFilter = {
      from: '2026-10-01',
      to: '2026-11-28',
      customerIds: ['c-acme', 'c-umbrella'],
      subscriptionIds: ['Sub-100001', 'Sub-100002', 'Sub-400001'],
      regions: ['EMEA', 'AMER'],
      licenseTypes: ['PROFESSIONAL', 'BASIC'],
    };
    const groupBy: Dimension[] = ['SUBSCRIPTION', 'LICENSE_TYPE'];
    const result = await report('u-pfa-north', filter, groupBy, 'WEEK');
    expect(result.errors).toBeUndefined();
    expect((result.data as { usageReport: { rows: unknown[] } }).usageReport.rows).toEqual(
      usageReport(fixture, NORTH, filter, groupBy, 'WEEK'),
    );
  });

  it.each([
    ['u-fa-acme', ['c-acme']],
    ['u-pa-north', ['c-acme', 'c-globex']],
    ['u-none', []],
  ])('gives %s only its own customers, whatever the filter names', async (user, visible) => {
    const filter: ReportFilter = { from: '2026-11-01', to: '2026-11-28', partnerId: 'p-north' };
    const result = await report(user, filter, ['CUSTOMER'], 'MONTH');
    expect(result.errors).toBeUndefined();
    expect((result.data as { usageReport: { rows: unknown[] } }).usageReport.rows).toEqual(
      usageReport(fixture, visible, filter, ['CUSTOMER'], 'MONTH'),
    );
  });

  it('stops a report that runs longer than REPORT_TIMEOUT_SECONDS on MySQL', async () => {
    const filter: ReportFilter = { partnerId: 'p-north', from: '2026-09-01', to: '2026-11-28' };
    const groupBy: Dimension[] = ['CUSTOMER', 'SOURCE', 'LICENSE_TYPE'];
    const impatient = loadConfig({ REPORT_TIMEOUT_SECONDS: '0.000001' });
    {
      const result = await report('u-pfa-north', filter, groupBy, 'DAY', impatient);
      if (db.kind === 'mysql') {
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
        expect(result.errors?.[0].message).toBe(
          'The report took longer than 0.000001 s and was stopped: narrow the filter or the ' +
            'range, group by fewer dimensions, or download it from GET /reports/usage.csv',
        );
      } else {
        // SQLite cannot interrupt a statement: the embedded database runs it to the end.
        expect(result.errors).toBeUndefined();
        expect((result.data as { usageReport: { rows: unknown[] } }).usageReport.rows).toEqual(
          usageReport(fixture, NORTH, filter, groupBy, 'DAY'),
        );
      }
    }
    // Within the default limit the same report answers.
    const again = await report('u-pfa-north', filter, groupBy, 'DAY');
    expect(again.errors).toBeUndefined();
  });

  it.each([
    [{ from: '2026-10-02', to: '2026-10-01' }, 'filter.from (2026-10-02) is after filter.to'],
    [{ from: '2023-01-01', to: '2026-10-01' }, 'at most 1096 are allowed'],
    [{ from: '2026-10-01', to: '2026-10-02', regions: [] }, 'filter.regions must name 1 to 500'],
  ])('refuses %j with BAD_USER_INPUT', async (filter, message) => {
    const result = await report('u-pfa-north', filter as ReportFilter, [], 'DAY');
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toContain(message);
  });
});

describe('after collectors rewrite reported days', () => {
  const staleDays = async (partnerId: string) => {
    const [row] = await db.ds.query(
      'SELECT COUNT(*) AS n FROM usage_daily_stale WHERE partner_id = ? AND day >= ? AND day <= ?',
      [partnerId, wider.from, wider.to],
    );
    return Number(row.n);
  };

  const wider: ReportFilter = { ...FILTER, from: '2026-08-31' };

  it('recounts what went stale once, then matches the fixture again', async () => {
    // Every third row of two sources in the range gets a new count; in the same batch, the day
    // before the fixture's first.
    const rewritten = fixture.usage
      .filter((u, i) => i % 3 === 0 && u.date >= FILTER.from && u.date <= FILTER.to)
      .filter((u) => u.sourceId === 'cl-ams-1' || u.sourceId === 't-acme-us')
      .map((u) => ({ ...u, consumed: u.consumed + 7 }));
    const added = fixture.usage
      .filter((u) => u.date === FILTER.to && u.sourceId === 'cl-ams-1')
      .map((u) => ({ ...u, date: '2026-08-31', consumed: 1 }));
    expect(rewritten.length).toBeGreaterThan(5);
    const payload = await ingest(db.ds, 'u-uc-north', [...rewritten, ...added]);
    expect(payload).toMatchObject({ updated: rewritten.length, inserted: added.length });
    const key = (u: { sourceId: string; licenseType: string; date: string }) =>
      `${u.sourceId} ${u.licenseType} ${u.date}`;
    const now = new Map(rewritten.map((u) => [key(u), u]));
    fixture.usage = [...fixture.usage.map((u) => now.get(key(u)) ?? u), ...added];

    // MySQL cannot tell which rows of the batch changed: their partner's days are stale until
    // a report reads them. SQLite keeps the totals exact as it writes.
    expect((await staleDays('p-north')) > 0).toBe(db.kind === 'mysql');

    for (const granularity of ['DAY', 'WEEK', 'MONTH'] as const) {
      for (const groupBy of allGroupings().filter(readsPartnerTotals)) {
        const result = await report('u-pfa-north', wider, groupBy, granularity);
        expect(result.errors).toBeUndefined();
        expect((result.data as { usageReport: { rows: unknown[] } }).usageReport.rows).toEqual(
          usageReport(fixture, NORTH, wider, groupBy, granularity),
        );
      }
    }
    expect(await staleDays('p-north')).toBe(0);
    // Reports that read every source's rows agree with the recounted totals.
    const byCustomer = await report('u-pfa-north', wider, ['CUSTOMER', 'REGION'], 'WEEK');
    expect((byCustomer.data as { usageReport: { rows: unknown[] } }).usageReport.rows).toEqual(
      usageReport(fixture, NORTH, wider, ['CUSTOMER', 'REGION'], 'WEEK'),
    );
  });
});
