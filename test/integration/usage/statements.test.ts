import { LicenseType, SourceType } from '../../../src/db/enums';
import { dateTimeParameter } from '../../../src/db/sql/bulk';
import type { UsageRow } from '../../../src/db/usage/usage-row';
import { upsertUsageRows } from '../../../src/db/usage/usage-writer';
import { FIXTURE_LAST_DAY } from '../../support/graph-fixture';
import { openUsageTestEnv } from './setup';
import type { UsageTestEnv } from './setup';

// No N+1: the statements a request runs depend on the shape of the query, never on how many
// clusters, customers or partners it asks about. The fixture gets 20 more clusters (with usage)
// and a user with analytics on both partners, so that the large cases are large.

let env: UsageTestEnv;

const EXTRA_CLUSTERS = Array.from(
  { length: 20 },
  (_, i) => `cl-extra-${String(i + 1).padStart(2, '0')}`,
);
const BOTH_PARTNERS = 'u-pfa-both';

async function addClusters(): Promise<void> {
  const manager = env.db.ds.manager;
  const [subscription] = await manager.query(
    'SELECT id, customer_id, partner_id FROM subscriptions WHERE id = ?',
    ['Sub-300001'],
  );
  const rows: UsageRow[] = [];
  for (const [i, id] of EXTRA_CLUSTERS.entries()) {
    await manager.query(
      `INSERT INTO usage_sources (id, subscription_id, customer_id, partner_id, name, region, source_type)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        subscription.id,
        subscription.customer_id,
        subscription.partner_id,
        id,
        'AMER',
        'CLUSTER',
      ],
    );
    for (let day = 1; day <= 28; day++) {
      for (const licenseType of [LicenseType.PROFESSIONAL, LicenseType.COMMON_AREA]) {
        rows.push({
          sourceId: id,
          licenseType,
          day: `2026-11-${String(day).padStart(2, '0')}`,
          consumed: 10 * i + day,
          sourceType: SourceType.CLUSTER,
          subscriptionId: subscription.id,
          customerId: subscription.customer_id,
          partnerId: subscription.partner_id,
          region: 'AMER',
        });
      }
    }
  }
  await env.db.ds.transaction((m) => upsertUsageRows(m, rows, new Date('2026-11-28T12:00:00Z')));
}

async function addAnalystOfBothPartners(): Promise<void> {
  const manager = env.db.ds.manager;
  await manager.query('INSERT INTO users (id, email, display_name) VALUES (?, ?, ?)', [
    BOTH_PARTNERS,
    'both@example.example',
    'Both Partners',
  ]);
  for (const partnerId of ['p-north', 'p-south']) {
    await manager.query(
      `INSERT INTO role_assignments (id, user_id, role, partner_id, customer_id, scope_key, created_at)
       VALUES (?, ?, 'PARTNER_READ_ONLY_ADMIN', ?, NULL, ?, ?)`,
      [
        `ra-both-${partnerId}`,
        BOTH_PARTNERS,
        partnerId,
        `partner:${partnerId}`,
        dateTimeParameter(manager, new Date()),
      ],
    );
  }
}

beforeAll(async () => {
  env = await openUsageTestEnv();
  await addClusters();
  await addAnalystOfBothPartners();
});

afterAll(async () => {
  await env?.db.close();
});

/** The statements of one `_entities` request, failing the test on any error or unresolved id. */
async function statementsOf(
  userId: string,
  typename: string,
  ids: readonly string[],
  selection: string,
  variables: Record<string, unknown> = {},
) {
  const { result, statements } = await env.counter.measure(() =>
    env.entities<Record<string, unknown[]>>(userId, typename, ids, selection, variables),
  );
  expect(result.every((entity) => entity !== null)).toBe(true);
  return { entities: result as Array<Record<string, unknown[]>>, statements };
}

const SOURCE_USAGE = `id lastReportedAt
  currentUsage(asOf: $asOf) { licenseType consumed reportedOn }
  usage(from: $from, to: $to, granularity: $granularity) { period licenseType consumed peak average reportedDays }`;
const SOURCE_ARGS = {
  asOf: FIXTURE_LAST_DAY,
  from: '2026-11-01',
  to: '2026-11-28',
  granularity: 'WEEK',
};
const SUMMARY =
  'id licenseSummary(asOf: $asOf) { licenseType purchased consumed available utilization }';

describe('statement counts', () => {
  it('clusters with currentUsage and usage: the same for 2 as for 20', async () => {
    const two = await statementsOf(
      'u-pfa-north',
      'Cluster',
      EXTRA_CLUSTERS.slice(0, 2),
      SOURCE_USAGE,
      SOURCE_ARGS,
    );
    const twenty = await statementsOf(
      'u-pfa-north',
      'Cluster',
      EXTRA_CLUSTERS,
      SOURCE_USAGE,
      SOURCE_ARGS,
    );
    for (const entity of twenty.entities) {
      expect(entity.currentUsage).toHaveLength(2);
      expect(entity.usage.length).toBeGreaterThanOrEqual(8);
    }
    expect(twenty.statements).toHaveLength(two.statements.length);
    // The viewer, the sources, their snapshots, their buckets.
    expect(two.statements).toHaveLength(4);
  });

  it.each([
    [
      'LicenseSubscription',
      'u-pfa-north',
      ['Sub-100001'],
      ['Sub-100001', 'Sub-100002', 'Sub-200001', 'Sub-200002', 'Sub-300001'],
    ],
    ['Customer', 'u-pfa-north', ['c-initech'], ['c-acme', 'c-globex', 'c-initech']],
    ['Partner', BOTH_PARTNERS, ['p-south'], ['p-north', 'p-south']],
  ])('%s.licenseSummary: the same for one as for all', async (typename, userId, one, all) => {
    const few = await statementsOf(userId, typename, one, SUMMARY, { asOf: FIXTURE_LAST_DAY });
    const many = await statementsOf(userId, typename, all, SUMMARY, { asOf: FIXTURE_LAST_DAY });
    expect(many.entities.every((entity) => entity.licenseSummary.length > 0)).toBe(true);
    expect(many.statements).toHaveLength(few.statements.length);
    // The viewer, the references, the summaries.
    expect(few.statements).toHaveLength(3);
  });
});
