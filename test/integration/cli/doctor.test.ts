import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { runMain } from '../../unit/cli/run-main';
import { createCliDatabase } from './cli-process';
import { freePorts } from '../../support/free-ports';
import type { CliDatabase } from './cli-process';

// `licensegraph doctor` against real services: the test database (MySQL or SQLite), the Redis of
// the machine (TEST_REDIS_URL, default 127.0.0.1:6379), an SMTP server (smtp-server) and an HTTP
// server standing in for a subgraph's /health/ready and an identity provider's JWKS. Closed ports
// stand for what does not answer. No line may show a secret.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const JWT_SECRET = 'doctor-jwt-secret-0123456789-abcdefghijklmnop';
const SMTP_PASSWORD = 'smtp-password-never-shown';
const SECRETS = [
  JWT_SECRET,
  SMTP_PASSWORD,
  'redis-password-never-shown',
  'db-password-never-shown',
];

function expectNoSecret(text: string): void {
  for (const secret of SECRETS) expect(text).not.toContain(secret);
}

function lineOf(stdout: string, check: string): string {
  const line = stdout.split('\n').find((l) => new RegExp(`^\\S+\\s+${check}\\s`).test(l));
  if (line === undefined) throw new Error(`no ${check} line in:\n${stdout}`);
  return line;
}

describe('licensegraph doctor', () => {
  let db: CliDatabase;
  let smtp: SMTPServer;
  let smtpPort: number;
  let web: http.Server;
  let webUrl: string;
  let closed: number;
  let healthy: Record<string, string>;

  beforeAll(async () => {
    db = await createCliDatabase();
    await (await db.open()).destroy(); // migrated (MySQL) or created (SQLite)
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth: (auth, _session, callback) =>
        auth.username === 'mailer' && auth.password === SMTP_PASSWORD
          ? callback(null, { user: auth.username })
          : callback(new Error('Invalid username or password')),
    });
    [smtpPort, closed] = await freePorts(2);
    await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
    web = http.createServer((req, res) => {
      if (req.url === '/health/ready') return void res.writeHead(200).end('ready');
      if (req.url === '/jwks.json') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(
          JSON.stringify({ keys: [{ kty: 'RSA', kid: 'k1', n: 'AQAB', e: 'AQAB' }] }),
        );
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
    webUrl = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
    healthy = {
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      LOG_LEVEL: 'warn',
      JWT_SECRET,
      REDIS_URL,
      SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      ORGANIZATIONS_URL: `${webUrl}/graphql`,
      SUBSCRIPTIONS_URL: `${webUrl}/graphql`,
      USAGE_URL: `${webUrl}/graphql`,
      DOCTOR_TIMEOUT_SECONDS: '5',
    };
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    web.closeAllConnections();
    await new Promise((resolve) => web.close(resolve));
    await db.close();
  });

  it('passes a healthy configuration, one line per check, exit 0', async () => {
    const { code, stdout, stderr } = await runMain(['doctor'], healthy);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    for (const check of ['configuration', 'database', 'jwt', 'redis', 'smtp']) {
      expect(lineOf(stdout, check)).toMatch(/^ok {4}/);
    }
    for (const name of ['organizations', 'subscriptions', 'usage']) {
      expect(lineOf(stdout, `subgraph ${name}`)).toMatch(/^ok .*\/health\/ready is ready$/);
    }
    expect(lineOf(stdout, 'database')).toMatch(
      db.url.startsWith('mysql:')
        ? /answers \((MariaDB|MySQL) .*all \d+ migrations applied/
        : /opens/,
    );
    expect(lineOf(stdout, 'smtp')).toContain(`smtp://mailer@127.0.0.1:${smtpPort}`);
    expect(stdout).toMatch(/doctor: every check passed\n$/);
    expectNoSecret(stdout);
  });

  it('--json: one object with every check and no problems', async () => {
    const { code, stdout } = await runMain(['doctor', '--json'], healthy);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.ok).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual([
      'configuration',
      'database',
      'jwt',
      'redis',
      'smtp',
      'subgraph organizations',
      'subgraph subscriptions',
      'subgraph usage',
    ]);
    expectNoSecret(stdout);
  });

  it('says what is skipped when Redis, SMTP and the subgraphs are not configured', async () => {
    const { code, stdout } = await runMain(['doctor'], {
      DATABASE_URL: db.url,
      DATA_DIR: db.dataDir,
      JWT_SECRET,
    });
    expect(code).toBe(0);
    expect(lineOf(stdout, 'redis')).toMatch(/^skip .*REDIS_URL is not set/);
    expect(lineOf(stdout, 'smtp')).toMatch(/^skip .*SMTP_URL is not set/);
    expect(lineOf(stdout, 'subgraphs')).toMatch(/^skip /);
  });

  it('fails on an unreachable database, Redis, SMTP and subgraph, each named, exit 1', async () => {
    const { code, stdout } = await runMain(['doctor'], {
      ...healthy,
      DATABASE_URL: `mysql://lg:db-password-never-shown@127.0.0.1:${closed}/licensegraph`,
      REDIS_URL: `redis://:redis-password-never-shown@127.0.0.1:${closed}`,
      SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${closed}`,
      USAGE_URL: `http://127.0.0.1:${closed}/graphql`,
    });
    expect(code).toBe(1);
    expect(lineOf(stdout, 'database')).toBe(
      `FAIL  database                MySQL lg@127.0.0.1:${closed}/licensegraph: connect ECONNREFUSED 127.0.0.1:${closed}`,
    );
    expect(lineOf(stdout, 'redis')).toMatch(
      new RegExp(`^FAIL .*redis://127\\.0\\.0\\.1:${closed}: connect ECONNREFUSED`),
    );
    expect(lineOf(stdout, 'smtp')).toMatch(
      new RegExp(`^FAIL .*smtp://mailer@127\\.0\\.0\\.1:${closed}: .*ECONNREFUSED`),
    );
    expect(lineOf(stdout, 'subgraph usage')).toMatch(/^FAIL .*\/health\/ready: ECONNREFUSED/);
    expect(lineOf(stdout, 'subgraph organizations')).toMatch(/^ok /);
    expect(stdout).toMatch(/doctor: 4 check\(s\) failed\n$/);
    expectNoSecret(stdout);
  });

  it('fails a JWT secret shorter than 32 bytes without showing it, exit 78', async () => {
    const { code, stdout, stderr } = await runMain(['doctor'], {
      ...healthy,
      JWT_SECRET: 'short-secret-never-shown',
    });
    expect(code).toBe(78);
    expect(stdout).toBe(
      'FAIL  configuration  JWT_SECRET: must be at least 32 bytes long (HS256 key)\n' +
        'doctor: 1 check(s) failed\n',
    );
    expect(stdout + stderr).not.toContain('short-secret-never-shown');
  });

  it('fails wrong SMTP credentials and checks a JWKS instead of a secret', async () => {
    const { code, stdout } = await runMain(['doctor', '--json'], {
      ...healthy,
      JWT_SECRET: '',
      JWT_JWKS_URL: `${webUrl}/jwks.json`,
      SMTP_URL: `smtp://mailer:wrong-${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
    });
    expect(code).toBe(1);
    const report = JSON.parse(stdout);
    const byName = Object.fromEntries(
      report.checks.map((c: { name: string; status: string; detail: string }) => [c.name, c]),
    );
    expect(byName.jwt).toEqual({
      name: 'jwt',
      status: 'ok',
      detail: `JWKS ${webUrl}/jwks.json answers with 1 key(s)`,
    });
    expect(byName.smtp.status).toBe('fail');
    expect(report.problems).toEqual([
      expect.stringMatching(/^smtp: smtp:\/\/mailer@127\.0\.0\.1:\d+: /),
    ]);
    expectNoSecret(stdout);
  });
});
