import type { DataSource } from 'typeorm';
import { createTokenVerifier } from '../../../src/auth/jwt';
import { resolveJwtSecret } from '../../../src/auth/secret';
import { DEMO_PARTNER_ID, DEMO_USER_ID } from '../../../src/ingest/seed/seed';
import { createCliDatabase, FIRST_CALL_TIMEOUT_MS, runCli, startCli } from './cli-process';
import { freePorts } from '../../support/free-ports';
import type { CliDatabase } from './cli-process';

// `licensegraph start` on an empty database loads the demo data, prints a demo token and serves
// the whole graph until stopped; `seed` and a second `start` leave the data as it is. No
// JWT_SECRET: the embedded setup makes its own under DATA_DIR, and the token must verify with it.

const READY = /Press Ctrl-C to stop/;

describe('licensegraph start', () => {
  let db: CliDatabase;
  let ds: DataSource;
  let env: Record<string, string>;
  let gatewayUrl: string;
  /** The day the demo data ends on, as `start` reported it. */
  let demoToday: string;

  beforeAll(async () => {
    db = await createCliDatabase();
    ds = await db.open(); // MySQL: migrated, as `licensegraph migrate` would
    const [gateway, organizations, subscriptions, usage] = await freePorts(4);
    gatewayUrl = `http://127.0.0.1:${gateway}/graphql`;
    env = {
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      LOG_LEVEL: 'warn',
      PORT: String(gateway),
      ORGANIZATIONS_PORT: String(organizations),
      SUBSCRIPTIONS_PORT: String(subscriptions),
      USAGE_PORT: String(usage),
    };
  });
  afterAll(async () => {
    await ds.destroy();
    await db.close();
  });

  const usageRows = async (): Promise<number> =>
    Number((await ds.query('SELECT COUNT(*) AS n FROM license_usage'))[0].n);

  it(
    'loads the demo data, prints a working demo token and serves the graph, the playground and the dashboard',
    async () => {
      const running = startCli(['start'], env);
      try {
        const stdout = await running.waitFor(READY);
        const loaded = /^Loaded the demo data: .*?(\d+) usage rows up to (\d{4}-\d\d-\d\d)/m.exec(
          stdout,
        );
        expect(loaded).not.toBeNull();
        expect(Number(loaded?.[1])).toBe(await usageRows());
        expect(await usageRows()).toBeGreaterThan(0);
        demoToday = loaded?.[2] ?? '';

        const lines = stdout.split('\n');
        const token = lines[lines.findIndex((line) => line.startsWith('Demo token for')) + 1];
        const secret = await resolveJwtSecret(
          { secret: null, jwksUrl: null, issuer: 'licensegraph', audience: 'licensegraph-api' },
          db.dataDir,
        );
        const verify = createTokenVerifier({
          secret,
          jwksUrl: null,
          issuer: 'licensegraph',
          audience: 'licensegraph-api',
        });
        await expect(verify(token)).resolves.toEqual({ userId: DEMO_USER_ID });
        expect(stdout).toContain(gatewayUrl);
        expect(stdout).toMatch(/^Rate limits: kept in this process \(set REDIS_URL/m);
        expect(stdout).toMatch(/^Scheduled reports: queue in this process \(set REDIS_URL/m);

        const response = await fetch(gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: `{ viewer { user { id } } partner(id: "${DEMO_PARTNER_ID}") { id customers { totalCount } } }`,
          }),
        });
        const body = (await response.json()) as {
          data: {
            viewer: { user: { id: string } };
            partner: { customers: { totalCount: number } };
          };
        };
        expect(body.data.viewer.user.id).toBe(DEMO_USER_ID);
        expect(body.data.partner.customers.totalCount).toBeGreaterThan(0);

        const page = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
        expect(page.status).toBe(200);
        const html = await page.text();
        expect(html).toMatch(/graphiql/i);
        expect(html).toContain(token);

        // The dashboard, built on the way up (bin/build-web.js), with the demo token on loopback.
        const appUrl = gatewayUrl.replace(/\/graphql$/, '/app');
        expect(stdout).toContain(`${appUrl} (the license usage dashboard)`);
        const app = await fetch(appUrl);
        expect(app.status).toBe(200);
        expect(await app.text()).toContain(`"demoToken":"${token}"`);
      } finally {
        expect(await running.stop()).toBe(0);
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );

  it('seed --scale demo afterwards reports its counts and changes nothing', async () => {
    const before = await usageRows();
    const { code, stdout, stderr } = await runCli(
      ['seed', '--scale', 'demo', '--today', demoToday],
      env,
    );
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/\(0 new, 0 changed, \d+ unchanged\)/);
    expect(stdout).toMatch(/^Seeded demo into .*: \d+ partners, .* [\d.]+ s, \d+ usage rows\/s$/m);
    expect(await usageRows()).toBe(before);
  });

  it('leaves a database that holds data as it is', async () => {
    const before = await usageRows();
    const running = startCli(['start'], env);
    try {
      const stdout = await running.waitFor(READY);
      expect(stdout).toMatch(/holds data already: left as it is/);
      expect(stdout).not.toMatch(/Loaded the demo data/);
      expect(await usageRows()).toBe(before);
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });
});
