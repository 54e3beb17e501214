import { loadConfig } from '../../src/config';

// The operations block of the configuration (and REDIS_URL, read with the rate limits): SMTP_URL, DOCTOR_TIMEOUT_SECONDS,
// PROGRESS_INTERVAL_SECONDS, and whether the gateway is told where the subgraphs are.

describe('operations configuration', () => {
  it('reads the services doctor checks and its timeout', () => {
    const { operations, rateLimits } = loadConfig({
      REDIS_URL: 'redis://:pw@cache.internal:6380/2',
      SMTP_URL: 'smtps://mailer:pw@mail.internal:465',
      DOCTOR_TIMEOUT_SECONDS: '1.5',
      PROGRESS_INTERVAL_SECONDS: '30',
      USAGE_URL: 'http://usage.internal:4003/graphql',
    });
    expect(operations).toEqual({
      smtpUrl: 'smtps://mailer:pw@mail.internal:465',
      checkTimeoutMs: 1500,
      progressIntervalMs: 30000,
      subgraphUrlsSet: true,
    });
    expect(rateLimits.redisUrl).toBe('redis://:pw@cache.internal:6380/2');
  });

  it.each([
    ['REDIS_URL', 'http://cache:6379', /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    ['REDIS_URL', 'not a url', /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    ['SMTP_URL', 'mailto:ops@example.com', /SMTP_URL: must be a smtp:\/\/ or smtps:\/\/ URL/],
    ['DOCTOR_TIMEOUT_SECONDS', '0', /DOCTOR_TIMEOUT_SECONDS: must be a number of seconds above 0/],
    ['PROGRESS_INTERVAL_SECONDS', '-1', /PROGRESS_INTERVAL_SECONDS: must be a number of seconds/],
  ])('refuses %s=%s, naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  it('never repeats a service URL in its error: it may hold a password', () => {
    expect(() => loadConfig({ SMTP_URL: 'ftp://user:hunter2-secret@mail' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2') }),
    );
  });
});
