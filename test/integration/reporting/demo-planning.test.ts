import { DEMO_STORY, DEMO_USER_ID, seed } from '../../../src/ingest/seed/seed';
import { NORTHWIND_CUSTOMERS } from '../../../src/ingest/seed/demo/northwind-customers';
import { usageSubgraph } from '../../../src/subgraphs/usage';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { runAs } from '../../support/subgraph';

// The demo data shows reclaimable licenses where its story puts them (src/ingest/seed/demo/
// story.ts): Adventure Works' BASIC roll-out, and Fabrikam's idle Asia Pacific sources.

const TODAY = '2026-11-29';

let db: TestDatabase;
type Reclaimable = {
  licenseType: string;
  purchased: number;
  peak: number;
  reclaimable: number;
  idleSources: Array<{ id: string }>;
};
let byCustomer: Map<string, Reclaimable[]>;

beforeAll(async () => {
  db = await openTestDatabase();
  await seed(db.ds, 'demo', { today: TODAY, log: () => {} });
  const ids = [DEMO_STORY.reclaimable.customerId, DEMO_STORY.unusedRegion.customerId];
  const result = await runAs(
    usageSubgraph,
    db.ds,
    DEMO_USER_ID,
    `query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Customer { id reclaimable { licenseType purchased peak reclaimable idleSources { id } } }
      }
    }`,
    { representations: ids.map((id) => ({ __typename: 'Customer', id })) },
    TODAY,
  );
  expect(result.errors).toBeUndefined();
  const entities = (result.data as { _entities: Array<{ id: string; reclaimable: Reclaimable[] }> })
    ._entities;
  byCustomer = new Map(entities.map((e) => [e.id, e.reclaimable]));
});
afterAll(async () => {
  await db?.close();
});

it('shows about two thirds of the low-assignment roll-out as reclaimable', () => {
  const { customerId, licenseType } = DEMO_STORY.reclaimable;
  const row = byCustomer.get(customerId)!.find((r) => r.licenseType === licenseType)!;
  expect(row.purchased).toBe(DEMO_STORY.lowAssignment.purchased);
  expect(row.reclaimable).toBe(row.purchased - row.peak);
  expect(row.reclaimable).toBeGreaterThan(row.purchased / 2);
});

it("names the idle region's sources as idle", () => {
  const { customerId, region, licenseType } = DEMO_STORY.unusedRegion;
  const inRegion = NORTHWIND_CUSTOMERS.find((c) => c.id === customerId)!
    .subscriptions.flatMap((s) => s.sources)
    .filter((s) => s.region === region)
    .map((s) => s.id)
    .sort();
  expect(inRegion.length).toBeGreaterThan(1);
  const row = byCustomer.get(customerId)!.find((r) => r.licenseType === licenseType)!;
  expect(row.idleSources.map((s) => s.id).sort()).toEqual(inRegion);
});
