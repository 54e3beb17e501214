import http from 'node:http';
import { mountPlayground } from '../../../src/gateway/playground';
import { GATEWAY_SECRET_HEADER } from '../../../src/http/gateway-secret';
import { GATEWAY_HEADERS, startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';
import { useFixtureStack } from '../e2e/fixture-stack';
import { expectNoInternals } from './leaks';

// Issue 12 §4 and §5: in production (NODE_ENV=production) no introspection and no "Did you mean"
// suggestions, beside the same requests to a development stack; subgraphs answer the gateway only,
// `_service` included; the demo token only to a page asked for by a loopback name.

const DEMO_TOKEN = 'demo.token.value';
const { db, stack: development } = useFixtureStack({
  stackOptions: async () => ({
    mountOnGateway: (app) =>
      mountPlayground(app, {
        examples: [{ name: 'Viewer', query: '{ viewer { user { id } } }' }],
        demoToken: DEMO_TOKEN,
      }),
  }),
});
let production: TestStack;
beforeAll(async () => {
  production = await startTestStack(db, undefined, { env: { NODE_ENV: 'production' } });
});
afterAll(() => production?.stop());

const asAdmin = async (stack: TestStack) => ({
  authorization: `Bearer ${await stack.token('u-pfa-north')}`,
});

it('refuses introspection in production, and answers it in development', async () => {
  const query = '{ __schema { queryType { name } } }';
  const refused = await production.request(query, {}, await asAdmin(production));
  expect(refused.status).toBe(400);
  expect(refused.body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(refused.body.errors?.[0].message).toMatch(/introspection/i);
  const answered = await development.request(query, {}, await asAdmin(development));
  expect(answered.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
});

it('names no field it would suggest in production, and suggests in development', async () => {
  const query = '{ viewer { usr { id } } }';
  const refused = await production.request(query, {}, await asAdmin(production));
  expect(refused.status).toBe(400);
  expect(refused.body.errors?.[0].message).not.toMatch(/Did you mean|user/);
  const helped = await development.request(query, {}, await asAdmin(development));
  expect(helped.body.errors?.[0].message).toMatch(/Did you mean "user"/);
  const answered = await production.request(
    '{ viewer { user { id } } }',
    {},
    await asAdmin(production),
  );
  expect(answered.body).toEqual({ data: { viewer: { user: { id: 'u-pfa-north' } } } });
});

describe.each(['organizations', 'subscriptions', 'usage'] as const)('the %s subgraph', (name) => {
  const post = async (query: string, headers: Record<string, string>) => {
    const response = await fetch(development.stack.servers[name]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await asAdmin(development)), ...headers },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, text: await response.text() };
  };

  it.each([
    ['without the gateway secret', {}],
    ['with a wrong one', { [GATEWAY_SECRET_HEADER]: 'guessed-secret' }],
  ])('refuses _service and every query %s', async (_how, headers) => {
    for (const query of ['{ _service { sdl } }', '{ __typename }']) {
      const refused = await post(query, headers);
      expect([refused.status, JSON.parse(refused.text)]).toEqual([
        403,
        {
          errors: [
            { message: 'This service answers the gateway only', extensions: { code: 'FORBIDDEN' } },
          ],
        },
      ]);
      expectNoInternals(refused.text);
    }
    const csv = await fetch(
      development.stack.servers[name]!.url.replace(/graphql$/, 'reports/usage.csv'),
      { headers },
    );
    expect(csv.status).toBe(403);
  });

  it('answers the gateway, and health probes from anyone', async () => {
    const answered = await post('{ _service { sdl } }', GATEWAY_HEADERS);
    expect(answered.status).toBe(200);
    expect(JSON.parse(answered.text).data._service.sdl).toMatch(/type Query/);
    const live = await fetch(
      development.stack.servers[name]!.url.replace(/graphql$/, 'health/live'),
    );
    expect(live.status).toBe(200);
  });
});

describe('the demo token', () => {
  /** GET /graphql as a browser, with the given Host header (fetch may not set one). */
  function page(host: string): Promise<string> {
    const { port } = new URL(development.gatewayUrl);
    return new Promise((resolve, reject) => {
      const request = http.get(
        { host: '127.0.0.1', port, path: '/graphql', headers: { host, accept: 'text/html' } },
        (response) => {
          let text = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (text += chunk));
          response.on('end', () => resolve(text));
        },
      );
      request.on('error', reject);
    });
  }

  it.each([
    'evil.example',
    'evil.example:4000',
    'localhost.evil.example',
    '127.0.0.1.nip.io',
    '[::2]:4000',
  ])('is left out of the page asked for as %s (DNS rebinding)', async (host) => {
    const html = await page(host);
    expect(html).toMatch(/graphiql/i);
    expect(html).not.toContain(DEMO_TOKEN);
  });

  it.each(['127.0.0.1:4000', 'localhost:4000', 'LOCALHOST', '[::1]:4000'])(
    'is in the page asked for as %s',
    async (host) => {
      expect(await page(host)).toContain(DEMO_TOKEN);
    },
  );
});
