import { DEMO_PARTNER_ID, DEMO_STORY, DEMO_USER_ID, seed } from '../../../src/ingest/seed/seed';
import { usageSubgraph } from '../../../src/subgraphs/usage';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { runAs } from '../../support/subgraph';

// The demo data shows at least one alert of each kind, each on the customer its story names
// (src/ingest/seed/demo/story.ts), to the demo user through Partner.alerts.

const TODAY = '2026-11-29';

let db: TestDatabase;
let alerts: Array<Record<string, unknown> & { customer: { id: string } }>;

beforeAll(async () => {
  db = await openTestDatabase();
  await seed(db.ds, 'demo', { today: TODAY, log: () => {} });
  const result = await runAs(
    usageSubgraph,
    db.ds,
    DEMO_USER_ID,
    `query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Partner { alerts { kind severity region licenseType subscription { id } customer { id } source { id } } }
      }
    }`,
    { representations: [{ __typename: 'Partner', id: DEMO_PARTNER_ID }] },
    TODAY,
  );
  expect(result.errors).toBeUndefined();
  alerts = (result.data as { _entities: Array<{ alerts: typeof alerts }> })._entities[0].alerts;
});
afterAll(async () => {
  await db?.close();
});

const story = DEMO_STORY;

it.each([
  [
    'OVER_LICENSE_LIMIT',
    {
      customer: { id: story.overLicenseLimit.customerId },
      subscription: { id: story.overLicenseLimit.subscriptionId },
      licenseType: story.overLicenseLimit.licenseType,
    },
  ],
  [
    'LOW_ASSIGNMENT',
    {
      customer: { id: story.lowAssignment.customerId },
      subscription: { id: story.lowAssignment.subscriptionId },
      licenseType: story.lowAssignment.licenseType,
    },
  ],
  [
    'NEARING_EXPIRATION',
    {
      customer: { id: story.endsWithin30Days.customerId },
      subscription: { id: story.endsWithin30Days.subscriptionId },
      severity: 'MAJOR',
    },
  ],
  [
    'STALE_DATA',
    { customer: { id: story.staleData.customerId }, source: { id: story.staleData.sourceId } },
  ],
  [
    'UNUSED_REGION',
    {
      customer: { id: story.unusedRegion.customerId },
      region: story.unusedRegion.region,
      licenseType: story.unusedRegion.licenseType,
    },
  ],
  [
    'EXHAUSTION_FORECAST',
    {
      customer: { id: story.exhaustionForecast.customerId },
      subscription: { id: story.exhaustionForecast.subscriptionId },
      licenseType: story.exhaustionForecast.licenseType,
      severity: 'MINOR',
    },
  ],
])('shows %s where the story puts it', (kind, subject) => {
  expect(alerts).toContainEqual(expect.objectContaining({ kind, ...subject }));
});

it('forecasts exhaustion only where the story puts it', () => {
  expect(
    alerts
      .filter((a) => a.kind === 'EXHAUSTION_FORECAST')
      .map((a) => [a.customer.id, a.licenseType]),
  ).toEqual([[story.exhaustionForecast.customerId, story.exhaustionForecast.licenseType]]);
});
