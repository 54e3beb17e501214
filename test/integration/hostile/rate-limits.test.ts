import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { operationCost } from '../../../src/gateway/cost/operation-cost';
import { API_FILE, schemaDir } from '../../../src/schema/schema-files';
import { startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';
import { useFixtureStack } from '../e2e/fixture-stack';
import { expectNoInternals } from './leaks';

// Issue 12 §7: a budget per viewer (cost units: the operation's estimated cost, at least a minimum
// per operation) and one per client address
// before authentication, per window. Over it: 429, Retry-After and RATE_LIMITED, while another
// viewer (or the same one on another stack's budget) is still answered. In memory, and in Redis
// (127.0.0.1:6379) shared by two gateways.

const { db } = useFixtureStack();
const stacks: TestStack[] = [];
afterAll(async () => {
  for (const stack of stacks) await stack.stop();
});

async function limitedStack(env: Record<string, string>, keyPrefix = randomUUID()) {
  const stack = await startTestStack(db, undefined, { env, rateLimited: { keyPrefix } });
  stacks.push(stack);
  return stack;
}

const VIEWER = '{ viewer { user { id } } }';
const as = async (stack: TestStack, userId: string) => ({
  authorization: `Bearer ${await stack.token(userId)}`,
});

async function rawPost(stack: TestStack, headers: Record<string, string>) {
  const response = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: VIEWER }),
  });
  const text = await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after'), text };
}

function expectRateLimited(answer: { status: number; retryAfter: string | null; text: string }) {
  expect(answer.status).toBe(429);
  expect(Number(answer.retryAfter)).toBeGreaterThanOrEqual(1);
  expect(Number(answer.retryAfter)).toBeLessThanOrEqual(60);
  const body = JSON.parse(answer.text);
  expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
  expectNoInternals(answer.text);
}

describe.each([
  ['in memory', {}],
  ['in Redis', { REDIS_URL: 'redis://127.0.0.1:6379' }],
])('%s', (_store, storeEnv) => {
  it('refuses a viewer over its budget with 429, and answers another viewer', async () => {
    // Cheap operations take the minimum charge: a budget of three of them.
    const stack = await limitedStack({
      ...storeEnv,
      RATE_LIMIT_VIEWER_POINTS: '300',
      RATE_LIMIT_MIN_OPERATION_COST: '100',
    });
    const north = await as(stack, 'u-pfa-north');
    for (let i = 0; i < 3; i++) expect((await rawPost(stack, north)).status).toBe(200);
    const refused = await rawPost(stack, north);
    expectRateLimited(refused);
    expect(JSON.parse(refused.text).errors[0].extensions.retryAfterSeconds).toBe(
      Number(refused.retryAfter),
    );
    // The CSV export draws on the same budget.
    const csv = await fetch(
      `${stack.gatewayUrl.replace(/\/graphql$/, '/reports/usage.csv')}?from=2026-11-01&to=2026-11-28`,
      { headers: north },
    );
    expect(csv.status).toBe(429);
    expect(await csv.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^Rate limit reached/) },
    });
    const other = await rawPost(stack, await as(stack, 'u-fa-acme'));
    expect([other.status, JSON.parse(other.text)]).toEqual([
      200,
      { data: { viewer: { user: { id: 'u-fa-acme' } } } },
    ]);
  });

  it('refuses an address over its budget before authentication, health probes aside', async () => {
    const stack = await limitedStack({ ...storeEnv, RATE_LIMIT_ADDRESS_REQUESTS: '3' });
    for (let i = 0; i < 3; i++) expect((await rawPost(stack, {})).status).toBe(401);
    expectRateLimited(await rawPost(stack, await as(stack, 'u-pfa-north')));
    const live = await fetch(stack.gatewayUrl.replace(/\/graphql$/, '/health/live'));
    expect(live.status).toBe(200);
  });
});

it('shares one budget between two gateways through Redis', async () => {
  const env = {
    REDIS_URL: 'redis://127.0.0.1:6379',
    RATE_LIMIT_VIEWER_POINTS: '400',
    RATE_LIMIT_MIN_OPERATION_COST: '100',
  };
  const keyPrefix = randomUUID();
  const [first, second] = [await limitedStack(env, keyPrefix), await limitedStack(env, keyPrefix)];
  const north = await as(first, 'u-pfa-north');
  for (const stack of [first, second, first, second]) {
    expect((await rawPost(stack, north)).status).toBe(200);
  }
  expectRateLimited(await rawPost(first, north));
  expectRateLimited(await rawPost(second, north));
  // A third gateway with its own counters (another prefix) still answers: the budget was shared.
  const apart = await limitedStack(env);
  expect((await rawPost(apart, north)).status).toBe(200);
});

describe('the viewer budget is charged with the estimated cost', () => {
  const CUSTOMERS = '{ customers(first: 40) { edges { node { id name } } } }';

  function costOf(query: string): number {
    const schema = buildSchema(fs.readFileSync(path.join(schemaDir(), API_FILE), 'utf8'));
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    return operationCost(schema, operation, [], {});
  }

  async function post(stack: TestStack, userId: string, query: string) {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await as(stack, userId)) },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as {
      data?: { customers: { edges: unknown[] } };
      errors?: Array<{ extensions: { code: string } }>;
    };
    return { status: response.status, body };
  }

  it('answers a costly operation as often as its cost fits, and cheap ones far more often', async () => {
    const cost = costOf(CUSTOMERS);
    const cheap = costOf(VIEWER);
    expect(cost).toBeGreaterThan(20 * cheap);
    const stack = await limitedStack({
      RATE_LIMIT_VIEWER_POINTS: String(2 * cost + cheap),
      RATE_LIMIT_MIN_OPERATION_COST: '1',
    });
    for (let i = 0; i < 2; i++) {
      const answer = await post(stack, 'u-pfa-north', CUSTOMERS);
      expect(answer.status).toBe(200);
      expect(answer.body.data!.customers.edges.length).toBeGreaterThan(0);
    }
    const refused = await post(stack, 'u-pfa-north', CUSTOMERS);
    expect([refused.status, refused.body.errors![0].extensions.code]).toEqual([
      429,
      'RATE_LIMITED',
    ]);
    // Another viewer spends the same budget on cheap operations many times over.
    for (let i = 0; i < 20; i++) expect((await post(stack, 'u-fa-acme', VIEWER)).status).toBe(200);
  });

  it('charges at least the minimum for a cheap operation', async () => {
    const stack = await limitedStack({
      RATE_LIMIT_VIEWER_POINTS: '1000',
      RATE_LIMIT_MIN_OPERATION_COST: '500',
    });
    for (let i = 0; i < 2; i++) expect((await post(stack, 'u-fa-acme', VIEWER)).status).toBe(200);
    expect((await post(stack, 'u-fa-acme', VIEWER)).status).toBe(429);
  });
});
