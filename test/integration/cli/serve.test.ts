import type { DataSource } from 'typeorm';
import { signToken } from '../../../src/auth/sign-token';
import { GATEWAY_SECRET_HEADER } from '../../../src/http/gateway-secret';
import { loadGraphFixture } from '../../support/graph-fixture';
import { createCliDatabase, FIRST_CALL_TIMEOUT_MS, runCli, startCli } from './cli-process';
import { freePorts } from '../../support/free-ports';
import type { CliDatabase } from './cli-process';

// `licensegraph serve --only <piece>` runs one piece of a real deployment: here the organizations
// subgraph alone, which answers on its own port and nothing else does.

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const SUBGRAPH_SECRET = 'the-secret-the-gateway-sends-its-subgraphs';

describe('licensegraph serve --only', () => {
  let db: CliDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createCliDatabase();
    ds = await db.open();
    await loadGraphFixture(ds);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.close();
  });

  it(
    'runs only the organizations subgraph, which verifies tokens itself',
    async () => {
      const [gateway, organizations] = await freePorts(2);
      const env = {
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
        LOG_LEVEL: 'warn',
        JWT_SECRET: SECRET,
        SUBGRAPH_SECRET,
        PORT: String(gateway),
        ORGANIZATIONS_PORT: String(organizations),
      };
      const running = startCli(['serve', '--only', 'organizations'], env);
      try {
        const stdout = await running.waitFor(/Press Ctrl-C to stop/);
        expect(stdout).toMatch(/^organizations +http:\/\/127\.0\.0\.1:\d+\/graphql$/m);
        expect(stdout).not.toMatch(/^gateway/m);

        const base = `http://127.0.0.1:${organizations}`;
        expect(await (await fetch(`${base}/health/ready`)).json()).toEqual({ status: 'ok' });
        const token = await signToken(
          { userId: 'u-fa-acme' },
          { secret: SECRET, issuer: 'licensegraph', audience: 'licensegraph-api' },
        );
        const ask = (headers: Record<string, string>) =>
          fetch(`${base}/graphql`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${token}`,
              ...headers,
            },
            body: JSON.stringify({ query: '{ customer(id: "c-acme") { name } }' }),
          });
        const answer = await ask({ [GATEWAY_SECRET_HEADER]: SUBGRAPH_SECRET });
        expect(await answer.json()).toEqual({ data: { customer: { name: 'Acme Corp' } } });
        // Anyone but the gateway: refused, with or without a token.
        const strangers: Array<Record<string, string>> = [
          {},
          { [GATEWAY_SECRET_HEADER]: 'a guess' },
        ];
        for (const headers of strangers) {
          const refused = await ask(headers);
          expect([refused.status, await refused.json()]).toEqual([
            403,
            {
              errors: [
                {
                  message: 'This service answers the gateway only',
                  extensions: { code: 'FORBIDDEN' },
                },
              ],
            },
          ]);
        }
        await expect(fetch(`http://127.0.0.1:${gateway}/health/live`)).rejects.toThrow();
      } finally {
        expect(await running.stop()).toBe(0);
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );

  it(
    'in production serves no playground and no introspection, unless PLAYGROUND=true',
    async () => {
      const token = await signToken(
        { userId: 'u-fa-acme' },
        { secret: SECRET, issuer: 'licensegraph', audience: 'licensegraph-api' },
      );
      for (const playground of ['false', 'true']) {
        const [gateway] = await freePorts(1);
        const env = {
          DATA_DIR: db.dataDir,
          LOG_LEVEL: 'warn',
          JWT_SECRET: SECRET,
          SUBGRAPH_SECRET,
          NODE_ENV: 'production',
          PORT: String(gateway),
          ...(playground === 'true' ? { PLAYGROUND: 'true' } : {}),
        };
        const running = startCli(['serve', '--only', 'gateway'], env);
        try {
          const stdout = await running.waitFor(/Press Ctrl-C to stop/);
          const url = `http://127.0.0.1:${gateway}/graphql`;
          const page = await fetch(url, { headers: { accept: 'text/html' } });
          const introspection = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
          });
          if (playground === 'true') {
            expect(stdout).toMatch(/open it in a browser for the playground/);
            expect(await page.text()).toMatch(/graphiql/i);
            expect(await introspection.json()).toEqual({
              data: { __schema: { queryType: { name: 'Query' } } },
            });
          } else {
            expect(stdout).not.toMatch(/playground/);
            expect(await page.text()).not.toMatch(/graphiql/i);
            expect(introspection.status).toBe(400);
          }
        } finally {
          expect(await running.stop()).toBe(0);
        }
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );

  it('refuses to run a piece alone without SUBGRAPH_SECRET', async () => {
    const { code, stderr } = await runCli(['serve', '--only', 'organizations'], {
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      JWT_SECRET: SECRET,
    });
    expect(code).toBe(78);
    expect(stderr).toMatch(/SUBGRAPH_SECRET: must be set, the same in every process/);
  });

  it('refuses a piece that does not exist, naming the valid ones', async () => {
    const { code, stderr } = await runCli(['serve', '--only', 'billing'], {
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /--only takes gateway, organizations, subscriptions, usage; got "billing"/,
    );
  });
});
