import { rebuildUsageRollups } from '../../../src/db/rollups/rebuild';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURE_FROM, loadGraphFixture } from '../../support/graph-fixture';
import type { GraphFixture } from '../../support/graph-fixture';
import { usageReport } from '../../support/reporting-oracle';
import { asUser, startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';

// GET /reports/usage.csv on the gateway: the usage subgraph's export, streamed through.

describe('GET /reports/usage.csv', () => {
  let db: TestDatabase;
  let stack: TestStack;
  let fixture: GraphFixture;
  let url: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    fixture = await loadGraphFixture(db.ds);
    // A region that needs quoting: a comma and a double quote.
    await db.ds.query(`UPDATE usage_sources SET region = ? WHERE id = ?`, [
      'EU, "West"',
      'cl-fra-1',
    ]);
    await db.ds.query(`UPDATE license_usage SET region = ? WHERE source_id = ?`, [
      'EU, "West"',
      'cl-fra-1',
    ]);
    // Written past the usage writer: the rollups are recomputed, as after any such change.
    await db.ds.transaction((manager) => rebuildUsageRollups(manager));
    fixture.clusters.find((c) => c.id === 'cl-fra-1')!.region = 'EU, "West"';
    stack = await startTestStack(db);
    url = stack.gatewayUrl.replace(/\/graphql$/, '/reports/usage.csv');
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.close();
  });

  const csvOf = (rows: ReturnType<typeof usageReport>) =>
    rows.map((r) =>
      [
        r.period,
        r.customerId,
        r.subscriptionId,
        r.region && /[",]/.test(r.region) ? `"${r.region.replace(/"/g, '""')}"` : r.region,
        r.sourceId,
        r.licenseType,
        r.consumed,
        r.peak,
        r.purchased,
      ]
        .map((v) => (v === null ? '' : String(v)))
        .join(','),
    );

  it('streams the report with a header row and quoted fields', async () => {
    const query = `from=${FIXTURE_FROM}&to=2026-11-28&groupBy=SOURCE,LICENSE_TYPE&granularity=WEEK&partnerId=p-north`;
    const response = await fetch(`${url}?${query}`, {
      headers: await asUser(stack, 'u-pfa-north'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const expected = usageReport(
      fixture,
      ['c-acme', 'c-globex', 'c-initech'],
      { partnerId: 'p-north', from: FIXTURE_FROM, to: '2026-11-28' },
      ['SOURCE', 'LICENSE_TYPE'],
      'WEEK',
    );
    // Read chunk by chunk, as a client of a large export would.
    const chunks: string[] = [];
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(decoder.decode(chunk, { stream: true }));
    }
    const lines = chunks.join('').split('\r\n');
    expect(lines[0]).toBe(
      'period,customerId,subscriptionId,region,sourceId,licenseType,consumed,peak,purchased',
    );
    expect(lines.at(-1)).toBe('');
    expect(lines.slice(1, -1)).toEqual(csvOf(expected));
    expect(lines.some((line) => line.includes('"EU, ""West"""'))).toBe(true);
  });

  it('takes repeated list parameters and cuts the rows to the viewer', async () => {
    const query =
      'from=2026-11-01&to=2026-11-28&groupBy=CUSTOMER&groupBy=LICENSE_TYPE&customerIds=c-acme&customerIds=c-umbrella';
    const response = await fetch(`${url}?${query}`, { headers: await asUser(stack, 'u-fa-acme') });
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n').slice(1, -1);
    const expected = usageReport(
      fixture,
      ['c-acme'],
      { customerIds: ['c-acme', 'c-umbrella'], from: '2026-11-01', to: '2026-11-28' },
      ['CUSTOMER', 'LICENSE_TYPE'],
      'MONTH',
    );
    expect(lines).toEqual(csvOf(expected));
  });

  it('refuses a request without a valid token before asking the usage subgraph', async () => {
    const none = await fetch(`${url}?from=2026-11-01&to=2026-11-28`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(`${url}?from=2026-11-01&to=2026-11-28`, {
      headers: { authorization: 'Bearer not.a.token' },
    });
    expect(forged.status).toBe(401);
  });

  it.each([
    ['to=2026-11-28', 'from and to are required'],
    ['from=2026-11-29&to=2026-11-28', 'is after filter.to'],
    ['from=2026-11-01&to=2026-11-28&groupBy=PLANET', 'groupBy: "PLANET" is not one of'],
    ['from=2026-11-01&to=2026-11-28&granularity=YEAR', 'granularity: "YEAR" is not one of'],
  ])('answers 400 BAD_USER_INPUT to %s', async (query, message) => {
    const response = await fetch(`${url}?${query}`, {
      headers: await asUser(stack, 'u-pfa-north'),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BAD_USER_INPUT');
    expect(body.error.message).toContain(message);
  });
});
