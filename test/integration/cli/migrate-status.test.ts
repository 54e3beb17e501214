import { MIGRATIONS } from '../../../migrations';
import { createCliDatabase, FIRST_CALL_TIMEOUT_MS, runCli } from './cli-process';
import type { CliDatabase } from './cli-process';

// `licensegraph migrate --status` through the real command line: MySQL lists applied and pending
// migrations and exits 1 while any is pending (changing nothing); SQLite has none to run.

describe('licensegraph migrate --status', () => {
  let db: CliDatabase;
  let env: Record<string, string>;
  const names = MIGRATIONS.map((migration) => new migration().name);

  beforeAll(async () => {
    db = await createCliDatabase();
    env = { DATABASE_URL: db.url, DATA_DIR: db.dataDir, LOG_LEVEL: 'warn' };
  });
  afterAll(() => db.close());

  it(
    'on a fresh database: every migration pending (MySQL, exit 1) or none to run (SQLite)',
    async () => {
      const { code, stdout, stderr } = await runCli(['migrate', '--status'], env);
      expect(stderr).toBe('');
      if (db.url.startsWith('mysql:')) {
        expect(code).toBe(1);
        expect(stdout.match(/^pending {2}\S+$/gm)).toEqual(names.map((n) => `pending  ${n}`));
        expect(stdout).toContain(
          `${names.length} of ${names.length} migration(s) pending; run \`licensegraph migrate\``,
        );
        // It only looked: running it again finds the same, and migrate still runs them all.
        expect((await runCli(['migrate', '--status'], env)).code).toBe(1);
      } else {
        expect(code).toBe(0);
        expect(stdout).toMatch(/embedded database: it has no migrations .*nothing is pending/);
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );

  it('after migrate: every migration applied, exit 0', async () => {
    const migrated = await runCli(['migrate'], env);
    expect(migrated.code).toBe(0);
    if (db.url.startsWith('mysql:')) {
      expect(migrated.stdout).toContain(`${names.length} migration(s) applied`);
    }
    const { code, stdout } = await runCli(['migrate', '--status'], env);
    expect(code).toBe(0);
    if (db.url.startsWith('mysql:')) {
      expect(stdout.match(/^applied {2}\S+$/gm)).toEqual(names.map((n) => `applied  ${n}`));
      expect(stdout).toContain(`is up to date: all ${names.length} migrations applied.`);
    }
  });

  it('names a migration that is pending again (MySQL)', async () => {
    if (!db.url.startsWith('mysql:')) return;
    const ds = await db.open();
    try {
      await ds.query('DELETE FROM migrations WHERE name = ?', [names.at(-1)]);
    } finally {
      await ds.destroy();
    }
    const { code, stdout } = await runCli(['migrate', '--status'], env);
    expect(code).toBe(1);
    expect(stdout).toContain(`pending  ${names.at(-1)}`);
    expect(stdout).toContain(`1 of ${names.length} migration(s) pending`);
  });
});
