import { runMain } from './run-main';

// With --json, stdout holds one JSON object even when the command fails before it could count
// anything; the plain line still goes to stderr.

const NO_DATABASE = { DATABASE_URL: 'mysql://root@127.0.0.1:1/never_opened' };

describe('--json when the command fails', () => {
  it.each([
    ['import', 'package.json'],
    ['seed', '--scale', 'small'],
  ])('%s prints {"ok":false,"error":...} on stdout and exits 1', async (...args) => {
    const { code, stdout, stderr } = await runMain([...args, '--json'], NO_DATABASE);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toEqual({
      ok: false,
      error: {
        message: expect.stringMatching(/^Cannot open MySQL root@127\.0\.0\.1:1\//),
        exitCode: 1,
      },
    });
    expect(stderr).toMatch(/^Cannot open MySQL/);
  });

  it('a bad configuration variable: exit 78, and the JSON says so', async () => {
    const { code, stdout } = await runMain(['seed', '--scale', 'small', '--json'], {
      PORT: 'eighty',
    });
    expect(code).toBe(78);
    expect(JSON.parse(stdout).error).toEqual({
      message: 'Configuration error: PORT: must be a port number from 1 to 65535, got "eighty"',
      exitCode: 78,
    });
  });
});
