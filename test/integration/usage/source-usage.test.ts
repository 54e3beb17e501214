import { dateTimeParameter } from '../../../src/db/sql/bulk';
import { FIXTURE_FROM, FIXTURE_LAST_DAY, FIXTURE_TODAY } from '../../support/graph-fixture';
import { bucketStart, currentUsage, usagePoints } from '../../support/oracle';
import type { Point, Snapshot } from '../../support/oracle';
import { openUsageTestEnv, partnerFullAdmin, partnerOfSource } from './setup';
import type { UsageTestEnv } from './setup';

// currentUsage, usage and lastReportedAt of clusters and tenants, against values the oracle
// computes from the fixture rows. Each source is asked by the full admin of its partner.

let env: UsageTestEnv;

beforeAll(async () => {
  env = await openUsageTestEnv();
});

afterAll(async () => {
  await env?.db.close();
});

type Granularity = 'DAY' | 'WEEK' | 'MONTH';

const sources = () => [
  ...env.fixture.clusters.map((c) => ({ typename: 'Cluster', id: c.id })),
  ...env.fixture.tenants.map((t) => ({ typename: 'Tenant', id: t.id })),
];

function typenameOf(sourceId: string): string {
  return env.fixture.clusters.some((c) => c.id === sourceId) ? 'Cluster' : 'Tenant';
}

function usageOf(sourceId: string, from: string, to: string, granularity: Granularity) {
  return usagePoints(env.fixture, sourceId, from, to, granularity);
}

async function askCurrentUsage(sourceId: string, asOf?: string): Promise<Snapshot[]> {
  const [entity] = await env.entities<{ currentUsage: Snapshot[] }>(
    partnerFullAdmin(env.fixture, partnerOfSource(env.fixture, sourceId)),
    typenameOf(sourceId),
    [sourceId],
    'currentUsage(asOf: $asOf) { licenseType consumed reportedOn }',
    { asOf: asOf ?? null },
  );
  if (!entity) throw new Error(`${sourceId} did not resolve`);
  return entity.currentUsage;
}

async function askUsage(
  sourceId: string,
  args: { from: string; to: string; granularity: Granularity; licenseTypes?: string[] },
): Promise<Point[]> {
  const [entity] = await env.entities<{ usage: Point[] }>(
    partnerFullAdmin(env.fixture, partnerOfSource(env.fixture, sourceId)),
    typenameOf(sourceId),
    [sourceId],
    `usage(from: $from, to: $to, granularity: $granularity, licenseTypes: $licenseTypes) {
       period licenseType consumed peak average reportedDays
     }`,
    { licenseTypes: null, ...args },
  );
  if (!entity) throw new Error(`${sourceId} did not resolve`);
  return entity.usage;
}

describe('currentUsage', () => {
  it.each([FIXTURE_TODAY, '2026-11-20', '2026-10-01', FIXTURE_FROM])(
    'is the latest snapshot of each license type on or before %s, for every source',
    async (asOf) => {
      for (const { id } of sources()) {
        expect({ id, usage: await askCurrentUsage(id, asOf) }).toEqual({
          id,
          usage: currentUsage(env.fixture, id, asOf),
        });
      }
    },
  );

  it('defaults asOf to today', async () => {
    expect(await askCurrentUsage('cl-ams-1')).toEqual(
      currentUsage(env.fixture, 'cl-ams-1', FIXTURE_TODAY),
    );
  });

  it('shows the age of the data of a source that went silent', async () => {
    const silent = await askCurrentUsage('cl-fra-1', FIXTURE_TODAY);
    expect(silent.length).toBeGreaterThan(0);
    expect(silent.every((s) => s.reportedOn < FIXTURE_LAST_DAY)).toBe(true);
  });

  it('is empty before the first report', async () => {
    expect(await askCurrentUsage('cl-ams-1', '2026-08-31')).toEqual([]);
  });
});

describe('usage', () => {
  it.each<Granularity>(['DAY', 'WEEK', 'MONTH'])(
    'has %s buckets of the whole fixture period for every source',
    async (granularity) => {
      for (const { id } of sources()) {
        const answer = await askUsage(id, {
          from: FIXTURE_FROM,
          to: FIXTURE_LAST_DAY,
          granularity,
        });
        expect({ id, answer }).toEqual({
          id,
          answer: usageOf(id, FIXTURE_FROM, FIXTURE_LAST_DAY, granularity),
        });
      }
    },
  );

  it('cuts weeks to the range, across a Monday and a month end', async () => {
    const range = { from: '2026-10-28', to: '2026-11-03', granularity: 'WEEK' as const };
    const expected = usageOf('cl-ams-1', range.from, range.to, 'WEEK');
    // The range starts mid-week in October and ends after the next Monday in November.
    const periods = [...new Set(expected.map((p) => p.period))];
    expect(periods).toEqual([bucketStart(range.from, 'WEEK'), bucketStart(range.to, 'WEEK')]);
    expect(periods[0] < range.from && range.to.slice(0, 7) !== range.from.slice(0, 7)).toBe(true);
    expect(expected.find((p) => p.period === periods[0])?.reportedDays).toBe(5);
    expect(await askUsage('cl-ams-1', range)).toEqual(expected);
  });

  it('cuts months to the range', async () => {
    const range = { from: '2026-09-15', to: '2026-11-10', granularity: 'MONTH' as const };
    const expected = usageOf('t-acme-us', range.from, range.to, 'MONTH');
    expect([...new Set(expected.map((p) => p.period))]).toEqual([
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
    ]);
    expect(await askUsage('t-acme-us', range)).toEqual(expected);
  });

  it('keeps only the license types asked for, in the contract order', async () => {
    const range = { from: '2026-11-01', to: '2026-11-28', granularity: 'WEEK' as const };
    const answer = await askUsage('cl-ams-1', {
      ...range,
      licenseTypes: ['COMMON_AREA', 'PROFESSIONAL', 'COMMON_AREA'],
    });
    const expected = usageOf('cl-ams-1', range.from, range.to, 'WEEK').filter((p) =>
      ['PROFESSIONAL', 'COMMON_AREA'].includes(p.licenseType),
    );
    // cl-ams-1 also reports STANDARD, which the filter must drop.
    expect(usageOf('cl-ams-1', range.from, range.to, 'WEEK').length).toBeGreaterThan(
      expected.length,
    );
    expect(answer).toEqual(expected);
  });

  it('invents no zeros for days a source did not report', async () => {
    // t-acme-jp reports every third day; cl-fra-1 went silent on 2026-11-20.
    const sparse = await askUsage('t-acme-jp', {
      from: '2026-11-01',
      to: '2026-11-10',
      granularity: 'DAY',
    });
    expect(sparse).toEqual(usageOf('t-acme-jp', '2026-11-01', '2026-11-10', 'DAY'));
    expect(sparse.length).toBeLessThan(10);
    const silent = await askUsage('cl-fra-1', {
      from: '2026-11-15',
      to: '2026-11-28',
      granularity: 'DAY',
    });
    expect(silent).toEqual(usageOf('cl-fra-1', '2026-11-15', '2026-11-28', 'DAY'));
    expect(silent.every((p) => p.period <= '2026-11-20')).toBe(true);
    const weekly = await askUsage('t-acme-jp', {
      from: '2026-11-02',
      to: '2026-11-15',
      granularity: 'WEEK',
    });
    expect(weekly.map((p) => p.reportedDays)).toEqual(
      usageOf('t-acme-jp', '2026-11-02', '2026-11-15', 'WEEK').map((p) => p.reportedDays),
    );
    expect(weekly.every((p) => p.reportedDays < 7)).toBe(true);
  });

  it('is empty for a range without reports', async () => {
    expect(
      await askUsage('cl-ams-1', { from: '2025-01-01', to: '2025-12-31', granularity: 'MONTH' }),
    ).toEqual([]);
  });

  it.each([
    [{ from: '2026-11-10', to: '2026-11-01' }, /from \(2026-11-10\) is after to \(2026-11-01\)/],
    [{ from: '2023-01-01', to: '2026-11-28' }, /at most 1096/],
    [{ from: '2026-11-01', to: '2026-11-28', licenseTypes: [] }, /licenseTypes/],
    [{ from: '2026-02-30', to: '2026-11-28' }, /calendar day/],
    [{ from: '0999-12-31', to: '1000-01-02' }, /between 1000-01-01 and 9999-12-31/],
  ])('refuses %j with BAD_USER_INPUT', async (args, message) => {
    const result = await env.run(
      partnerFullAdmin(env.fixture, 'p-north'),
      'Cluster',
      ['cl-ams-1'],
      'usage(from: $from, to: $to, granularity: $granularity, licenseTypes: $licenseTypes) { period }',
      { granularity: 'DAY', licenseTypes: null, ...args },
    );
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(message);
  });
});

describe('lastReportedAt', () => {
  it('is when a report was last stored, or null if never', async () => {
    const reportedAt = new Date('2026-11-28T23:15:42.123Z');
    const manager = env.db.ds.manager;
    await manager.query('UPDATE usage_sources SET last_reported_at = ? WHERE id = ?', [
      dateTimeParameter(manager, reportedAt),
      'cl-nyc-1',
    ]);
    await manager.query('UPDATE usage_sources SET last_reported_at = NULL WHERE id = ?', [
      't-wayne-1',
    ]);
    const [cluster] = await env.entities<{ lastReportedAt: string | null }>(
      partnerFullAdmin(env.fixture, 'p-north'),
      'Cluster',
      ['cl-nyc-1'],
      'lastReportedAt',
    );
    const [tenant] = await env.entities<{ lastReportedAt: string | null }>(
      partnerFullAdmin(env.fixture, 'p-south'),
      'Tenant',
      ['t-wayne-1'],
      'lastReportedAt',
    );
    expect([cluster, tenant]).toEqual([
      { lastReportedAt: reportedAt.toISOString() },
      { lastReportedAt: null },
    ]);
  });
});
