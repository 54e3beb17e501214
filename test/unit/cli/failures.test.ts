import { reportFailure } from '../../../src/cli/errors';
import { CliSession } from '../../../src/cli/session';
import { runMain } from './run-main';

// How commands fail: bad configuration exits 78 with the variable named and no stack; other
// failures exit 1 with one line (the stack only at LOG_LEVEL=debug, from the logger).

const STACK_LINE = /\n\s+at /;

describe('command failures', () => {
  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: must be one of fatal, error, warn, info, debug'],
    [{ DATABASE_URL: 'postgres://db/lg' }, 'DATABASE_URL: must start with mysql://'],
    [{ PORT: '0' }, 'PORT: must be a port number from 1 to 65535, got "0"'],
    [{ JWT_SECRET: 'too-short' }, 'JWT_SECRET: must be at least 32 bytes long'],
  ])('exits 78 on %j naming the variable', async (env, problem) => {
    const { code, stdout, stderr } = await runMain(['migrate'], env);
    expect(code).toBe(78);
    expect(stdout).toBe('');
    const expected = `Configuration error: ${problem}`;
    expect(stderr.slice(0, expected.length)).toBe(expected);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('keeps the secret out of the message about a short JWT_SECRET', async () => {
    const { stderr } = await runMain(['token', '--user', 'u-ann'], { JWT_SECRET: 'hunter2' });
    expect(stderr).toMatch(/^Configuration error: JWT_SECRET: /);
    expect(stderr).not.toContain('hunter2');
  });

  it('refuses to sign tokens when an identity provider issues them', async () => {
    const { code, stdout, stderr } = await runMain(['token', '--user', 'u-ann'], {
      JWT_JWKS_URL: 'https://idp.example/.well-known/jwks.json',
      DATABASE_URL: 'mysql://root@127.0.0.1:1/never_opened',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/JWT_JWKS_URL is set, so tokens come from your identity provider/);
  });

  describe('an unreachable database', () => {
    const env = { DATABASE_URL: 'mysql://lg:hunter2@127.0.0.1:1/licensegraph' };

    it('fails with one line naming the database without its password', async () => {
      const { code, stdout, stderr } = await runMain(['seed', '--scale', 'demo'], env);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^Cannot open MySQL lg@127\.0\.0\.1:1\/licensegraph: .*ECONNREFUSED/);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toContain('hunter2');
    });

    it('logs the stack as a diagnostic at LOG_LEVEL=debug', async () => {
      const { code, stderr } = await runMain(['seed', '--scale', 'demo'], {
        ...env,
        LOG_LEVEL: 'debug',
      });
      expect(code).toBe(1);
      const [message, ...diagnostics] = stderr.trim().split('\n');
      expect(message).toMatch(/^Cannot open MySQL/);
      const logged = diagnostics.map((line) => JSON.parse(line) as Record<string, unknown>);
      const cause = logged.find((entry) => entry.msg === 'cause');
      expect(cause).toMatchObject({ level: 20, err: { code: 'ECONNREFUSED' } });
      expect(JSON.stringify(cause)).toMatch(/\\n\s+at /);
      expect(stderr).not.toContain('hunter2');
    });
  });

  describe('an unexpected error', () => {
    function failWith(env: Record<string, string>) {
      let stderr = '';
      const session = new CliSession({
        env,
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
      });
      expect(session.config.logLevel).toBeDefined(); // loaded, as once a command runs
      const error = new Error('socket hang up\n    SELECT secret FROM somewhere');
      return { code: reportFailure(error, session), stderr };
    }

    it('prints the first line of its message only, and exits 1', () => {
      const { code, stderr } = failWith({});
      expect(code).toBe(1);
      expect(stderr).toBe('Error: socket hang up\n');
    });

    it('adds the stack as a debug diagnostic at LOG_LEVEL=debug', () => {
      const { stderr } = failWith({ LOG_LEVEL: 'debug' });
      const [message, diagnostic] = stderr.trim().split('\n');
      expect(message).toBe('Error: socket hang up');
      expect(JSON.parse(diagnostic)).toMatchObject({
        level: 20,
        msg: 'command failed',
        err: { message: expect.stringContaining('socket hang up') },
      });
      expect(JSON.parse(diagnostic).err.stack).toMatch(STACK_LINE);
    });
  });
});
