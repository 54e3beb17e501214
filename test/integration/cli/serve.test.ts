import type { DataSource } from 'typeorm';
import { signToken } from '../../../src/auth/sign-token';
import { loadGraphFixture } from '../../support/graph-fixture';
import {
  createCliDatabase,
  FIRST_CALL_TIMEOUT_MS,
  freePorts,
  runCli,
  startCli,
} from './cli-process';
import type { CliDatabase } from './cli-process';

// `licensegraph serve --only <piece>` runs one piece of a real deployment: here the organizations
// subgraph alone, which answers on its own port and nothing else does.

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';

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
        const answer = await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: '{ customer(id: "c-acme") { name } }' }),
        });
        expect(await answer.json()).toEqual({ data: { customer: { name: 'Acme Corp' } } });
        await expect(fetch(`http://127.0.0.1:${gateway}/health/live`)).rejects.toThrow();
      } finally {
        expect(await running.stop()).toBe(0);
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );

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
