import { runMain } from './run-main';

// Wrong command lines end with exit code 2 and a message naming what is wrong, before any
// database is opened: DATABASE_URL points at a port where nothing listens, so a command that
// tried to connect would fail differently.

const NO_DATABASE = { DATABASE_URL: 'mysql://root@127.0.0.1:1/never_opened' };

describe('command line usage', () => {
  it('lists the commands with --help and exits 0', async () => {
    const { code, stdout } = await runMain(['--help'], NO_DATABASE);
    expect(code).toBe(0);
    for (const command of ['start', 'migrate', 'import', 'seed', 'token', 'doctor']) {
      expect(stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
    }
  });

  it('shows the help on stderr and exits 2 without a command', async () => {
    const { code, stdout, stderr } = await runMain([], NO_DATABASE);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: licensegraph');
  });

  it.each([
    [['frobnicate'], /unknown command 'frobnicate'/],
    [['seed'], /required option '--scale <scale>' not specified/],
    [['seed', '--scale', 'huge'], /'huge' is invalid.*demo, small, bench/],
    [
      ['seed', '--scale', 'demo', '--today', '2026-02-30'],
      /--today must be a calendar day .*2026-02-30/,
    ],
    [['seed', '--scale', 'demo', '--today', '30.11.2026'], /--today must be a calendar day/],
    [['token'], /required option '--user <id>' not specified/],
    [['token', '--user', ' '], /--user needs a user id/],
    [['token', '--user', 'u-ann', '--ttl', '1y'], /--ttl: Invalid token lifetime "1y"/],
    [['token', '--user', 'u-ann', '--ttl', '31d'], /--ttl: .*at most 30d/],
    [['import'], /missing required argument 'file'/],
    [['import', '/nonexistent/usage.csv'], /\/nonexistent\/usage\.csv: no such file/],
    [['import', '.'], /\.: not a file/],
    [['migrate', 'extra'], /too many arguments/],
    [['doctor', '--verbose'], /unknown option '--verbose'/],
  ])('refuses %j with exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runMain(args, NO_DATABASE);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/ECONNREFUSED|\n\s+at /);
  });

  it('names every missing file of an import at once', async () => {
    const { code, stderr } = await runMain(
      ['import', 'package.json', 'missing-1.json', 'missing-2.csv'],
      NO_DATABASE,
    );
    expect(code).toBe(2);
    expect(stderr).toContain('missing-1.json: no such file');
    expect(stderr).toContain('missing-2.csv: no such file');
    expect(stderr).not.toContain('package.json');
  });
});
