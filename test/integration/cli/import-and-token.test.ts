import path from 'node:path';
import type { DataSource } from 'typeorm';
import { createTokenVerifier } from '../../../src/auth/jwt';
import { createCliDatabase, FIRST_CALL_TIMEOUT_MS, runCli } from './cli-process';
import type { CliDatabase } from './cli-process';
import { MIGRATIONS } from '../../../migrations';

// `migrate`, `import`, `token` and a configuration error through the real command line.

const FIXTURES = path.join(__dirname, 'fixtures');
const JWT_SECRET = 'cli-test-secret-that-is-at-least-32-bytes-long';

describe('licensegraph migrate, import, token', () => {
  let db: CliDatabase;
  let env: Record<string, string>;

  beforeAll(async () => {
    db = await createCliDatabase();
    env = { DATABASE_URL: db.url, DATA_DIR: db.dataDir, JWT_SECRET, LOG_LEVEL: 'warn' };
  });
  afterAll(() => db.close());

  it(
    'migrate prepares the database (MySQL: names the migrations it ran)',
    async () => {
      const { code, stdout, stderr } = await runCli(['migrate'], env);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      if (db.url.startsWith('mysql:')) {
        expect(stdout).toMatch(/^Applied InitialSchema\d+$/m);
        expect(stdout).toContain(`${MIGRATIONS.length} migration(s) applied`);
      } else {
        expect(stdout).toMatch(/embedded database: it has no migrations/);
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );

  describe('after migrate', () => {
    let ds: DataSource;
    beforeAll(async () => {
      ds = await db.open();
    });
    afterAll(() => ds.destroy());

    const count = async (sql: string, ...params: unknown[]): Promise<number> =>
      Number((await ds.query(sql, params))[0].n);

    it('import stores a JSON document and exits 0', async () => {
      const file = path.join(FIXTURES, 'organisation.json');
      const { code, stderr } = await runCli(['import', file], env);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(await count(`SELECT COUNT(*) AS n FROM customers WHERE partner_id = 'p-cli'`)).toBe(1);
      expect(
        await count(`SELECT COUNT(*) AS n FROM license_usage WHERE source_id = 'cl-cli-1'`),
      ).toBe(2);
    });

    it('import refuses a bad enum with its location, exits 1 and writes nothing', async () => {
      const file = path.join(FIXTURES, 'bad-enum.json');
      const { code, stdout, stderr } = await runCli(['import', file], env);
      expect(code).toBe(1);
      const output = stdout + stderr;
      expect(output).toContain('bad-enum.json');
      expect(output).toMatch(/subscriptions.*status|status.*RUNNING/);
      expect(output).not.toMatch(/\n\s+at /);
      expect(await count(`SELECT COUNT(*) AS n FROM partners WHERE id = 'p-cli-bad'`)).toBe(0);
    });

    it('token prints only a JWT for an imported user, which the verifier accepts', async () => {
      const { code, stdout, stderr } = await runCli(
        ['token', '--user', 'u-cli-ann', '--ttl', '5m'],
        env,
      );
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
      const verify = createTokenVerifier({
        secret: JWT_SECRET,
        jwksUrl: null,
        issuer: 'licensegraph',
        audience: 'licensegraph-api',
      });
      await expect(verify(stdout.trim())).resolves.toEqual({ userId: 'u-cli-ann' });
    });

    it('token refuses a user that is not in the database', async () => {
      const { code, stdout, stderr } = await runCli(['token', '--user', 'u-nobody'], env);
      expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
      expect(stderr).toMatch(/no user "u-nobody" in (MySQL|SQLite) /);
    });
  });

  it('exits 78 on a bad configuration variable, naming it, without a stack', async () => {
    const { code, stdout, stderr } = await runCli(['token', '--user', 'u-cli-ann'], {
      ...env,
      USAGE_PORT: '70000',
    });
    expect({ code, stdout }).toEqual({ code: 78, stdout: '' });
    expect(stderr).toBe(
      'Configuration error: USAGE_PORT: must be a port number from 1 to 65535, got "70000"\n',
    );
  });
});
