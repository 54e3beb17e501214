import { QUERY_LIMIT_DEFAULTS } from '../../../src/config';
import { FIXTURE_FROM, FIXTURE_LAST_DAY } from '../../support/graph-fixture';
import { GATEWAY_HEADERS, postGraphQL } from '../../support/stack';
import { useFixtureStack } from '../e2e/fixture-stack';

// The cost and the hard caps behind it (README, Security), on both databases: aliases of the
// costliest series and report multiply their cost until the gateway refuses them (HTTP 400,
// COST_LIMIT_EXCEEDED) before any subgraph is asked; an answer over MAX_RESPONSE_BYTES is replaced
// by RESPONSE_TOO_LARGE pointing to the CSV export; usage series over MAX_USAGE_POINTS fail with
// BAD_USER_INPUT, through the gateway and at the usage subgraph itself. Each next to the
// legitimate request of the same shape.

const POINT = 'period licenseType consumed peak average reportedDays';
const THREE_YEARS = { from: '2023-12-01', to: '2026-11-30' }; // 1,096 days
/** Every license type, three years by day: the costliest series one source can have. */
const SERIES_COST = 1 + 1096 * 6 * 7;
/** A partner-wide daily report by customer counts as the row cap: 10,000 rows of 4 fields. */
const REPORT_COST = 1 + 10_000 * 5;

const series = (aliases: number) =>
  `query($from: Date!, $to: Date!) { ${Array.from(
    { length: aliases },
    (_, i) => `s${i}: cluster(id: "cl-ams-1") { usage(from: $from, to: $to) { ${POINT} } }`,
  ).join(' ')} }`;

const report = (aliases: number) =>
  `query($from: Date!, $to: Date!) { ${Array.from(
    { length: aliases },
    (_, i) =>
      `r${i}: usageReport(filter: { partnerId: "p-north", from: $from, to: $to }, ` +
      'groupBy: [CUSTOMER], granularity: DAY) { rows { period customerId consumed peak } }',
  ).join(' ')} }`;

/** The fewest aliases whose cost is over the limit. */
const overLimit = (cost: number) => Math.floor(QUERY_LIMIT_DEFAULTS.maxCost / cost) + 1;

describe('cost limit', () => {
  const { stack, fixture } = useFixtureStack();
  const ask = async (query: string, variables: Record<string, unknown>) =>
    stack.request(query, variables, {
      authorization: `Bearer ${await stack.token('u-pfa-north')}`,
    });

  it('answers the costliest series and refuses as many aliases of it as go over the limit', async () => {
    const points = fixture.usage.filter((u) => u.sourceId === 'cl-ams-1').length;
    const one = await ask(series(1), THREE_YEARS);
    expect(one.body.errors).toBeUndefined();
    expect((one.body.data as { s0: { usage: unknown[] } }).s0.usage).toHaveLength(points);

    const aliases = overLimit(SERIES_COST);
    expect(aliases).toBeLessThanOrEqual(QUERY_LIMIT_DEFAULTS.maxAliases);
    const allowed = await ask(series(aliases - 1), THREE_YEARS);
    expect(allowed.body.errors).toBeUndefined();
    const refused = await ask(series(aliases), THREE_YEARS);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      cost: aliases * SERIES_COST,
      maxCost: QUERY_LIMIT_DEFAULTS.maxCost,
    });
    expect(refused.body.data ?? undefined).toBeUndefined();
  });

  it('answers the costliest report and refuses as many aliases of it as go over the limit', async () => {
    const range = { from: FIXTURE_FROM, to: FIXTURE_LAST_DAY };
    const one = await ask(report(1), range);
    expect(one.body.errors).toBeUndefined();
    expect((one.body.data as { r0: { rows: unknown[] } }).r0.rows.length).toBeGreaterThan(80);

    // One alias fewer passes the cost (unit test of the cost); nine reports are slow to run here.
    const aliases = overLimit(REPORT_COST);
    const refused = await ask(report(aliases), range);
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions).toMatchObject({
      code: 'COST_LIMIT_EXCEEDED',
      cost: aliases * REPORT_COST,
    });
  });
});

describe('usage series point cap (MAX_USAGE_POINTS)', () => {
  const cap = 100;
  const { stack, fixture } = useFixtureStack({
    stackOptions: async () => ({ env: { MAX_USAGE_POINTS: String(cap) } }),
  });
  const daily = `usage(from: "${FIXTURE_FROM}", to: "${FIXTURE_LAST_DAY}", granularity: DAY) { ${POINT} }`;
  const weekly = daily.replace('DAY', 'WEEK');

  const post = async (url: string, query: string, variables: Record<string, unknown> = {}) =>
    postGraphQL(url, query, variables, {
      ...GATEWAY_HEADERS,
      authorization: `Bearer ${await stack.token('u-pfa-north')}`,
    });

  it('fails series over the cap with BAD_USER_INPUT through the gateway, answers fewer points', async () => {
    expect(fixture.usage.filter((u) => u.sourceId === 'cl-ams-1').length).toBeGreaterThan(cap);
    const over = await post(stack.gatewayUrl, `{ cluster(id: "cl-ams-1") { id ${daily} } }`);
    expect(over.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(over.body.errors?.[0].message).toMatch(`more than ${cap} points`);
    expect(over.body.errors?.[0].message).toMatch('/reports/usage.csv');
    const under = await post(stack.gatewayUrl, `{ cluster(id: "cl-ams-1") { id ${weekly} } }`);
    expect(under.body.errors).toBeUndefined();
  });

  it('counts every series of the request together, also at the usage subgraph itself', async () => {
    const entities = (selection: string) =>
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Cluster { id ${selection} } } }`;
    const two = { r: ['cl-ams-1', 'cl-nyc-1'].map((id) => ({ __typename: 'Cluster', id })) };
    const usageUrl = stack.stack.servers.usage!.url;
    const over = await post(usageUrl, entities(daily), two);
    expect(over.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const under = await post(usageUrl, entities(weekly), two);
    expect(under.body.errors).toBeUndefined();
    expect(under.body.data?._entities).toHaveLength(2);
  });
});

describe('response size cap (MAX_RESPONSE_BYTES)', () => {
  const maxResponseBytes = 8_000;
  const { stack } = useFixtureStack({
    stackOptions: async () => ({ limits: { maxResponseBytes } }),
  });

  it('replaces a larger answer by RESPONSE_TOO_LARGE pointing to the CSV export', async () => {
    const headers = { authorization: `Bearer ${await stack.token('u-pfa-north')}` };
    const query = (granularity: string) =>
      `{ cluster(id: "cl-ams-1") { usage(from: "${FIXTURE_FROM}", to: "${FIXTURE_LAST_DAY}", granularity: ${granularity}) { ${POINT} } } }`;
    const small = await stack.request(query('MONTH'), {}, headers);
    expect(small.body.errors).toBeUndefined();
    expect(small.status).toBe(200);
    const large = await stack.request(query('DAY'), {}, headers);
    expect(large.status).toBe(400);
    expect(large.body.data).toBeUndefined();
    expect(large.body.errors).toEqual([
      {
        message: expect.stringContaining('GET /reports/usage.csv'),
        extensions: { code: 'RESPONSE_TOO_LARGE', maxResponseBytes },
      },
    ]);
  });
});
