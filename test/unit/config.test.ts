import path from 'node:path';
import { ConfigError, QUERY_LIMIT_DEFAULTS, loadConfig } from '../../src/config';

// Every variable src/config.ts reads: its default, a valid value, and every kind of bad value,
// whose error must name the variable.

function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('gives the embedded setup with an empty environment', () => {
    const dataDir = path.resolve('data');
    expect(loadConfig({})).toEqual({
      database: { kind: 'sqlite', file: path.join(dataDir, 'licensegraph.sqlite') },
      replica: null,
      dataDir,
      port: 4000,
      subgraphPorts: { organizations: 4001, subscriptions: 4002, usage: 4003 },
      subgraphUrls: {
        organizations: 'http://127.0.0.1:4001/graphql',
        subscriptions: 'http://127.0.0.1:4002/graphql',
        usage: 'http://127.0.0.1:4003/graphql',
      },
      telemetry: { metricsEnabled: true, metricsToken: null, otlpEndpoint: null },
      host: '127.0.0.1',
      jwt: { secret: null, jwksUrl: null, issuer: 'licensegraph', audience: 'licensegraph-api' },
      logLevel: 'info',
      limits: QUERY_LIMIT_DEFAULTS,
      alerts: { lowAssignmentMark: 0.5, exhaustionWarnDays: 60 },
      reports: { timeoutSeconds: 30 },
      deadlines: expect.objectContaining({ requestTimeoutSeconds: 10 }),
      series: { maxPoints: 50_000, maxForecastHistoryDays: 365, maxReclaimableWindowDays: 365 },
      exposure: expect.objectContaining({ production: false, playground: true }),
      rateLimits: expect.objectContaining({ redisUrl: null }),
      operations: {
        smtpUrl: null,
        checkTimeoutMs: 5000,
        progressIntervalMs: 10000,
        subgraphUrlsSet: false,
      },
      reportMail: {
        smtpUrl: null,
        mailFrom: 'Licensegraph <reports@licensegraph.localhost>',
        redisUrl: null,
        queuePrefix: 'licensegraph',
        attempts: 5,
        backoffMs: 60_000,
        sweepMs: 60_000,
        leaseMs: 300_000,
        smtpTimeoutMs: 30_000,
      },
      subgraphsInProcess: false,
    });
  });

  it('reads the scheduled report settings and names a bad one', () => {
    const settings = loadConfig({
      SMTP_URL: 'smtp://mail.example:2525',
      MAIL_FROM: 'Reports <r@example.com>',
      REPORT_QUEUE_PREFIX: 'lg-test',
      REPORT_DELIVERY_ATTEMPTS: '3',
      REPORT_RETRY_BACKOFF_SECONDS: '0.5',
    }).reportMail;
    expect(settings).toMatchObject({
      smtpUrl: 'smtp://mail.example:2525',
      mailFrom: 'Reports <r@example.com>',
      queuePrefix: 'lg-test',
      attempts: 3,
      backoffMs: 500,
    });
    expect(() => loadConfig({ REPORT_QUEUE_PREFIX: 'a:b' })).toThrow(/REPORT_QUEUE_PREFIX/);
    expect(() => loadConfig({ REPORT_DELIVERY_ATTEMPTS: '0' })).toThrow(/REPORT_DELIVERY_ATTEMPTS/);
  });

  it('calls the subgraphs of its own process without HTTP only when SUBGRAPHS_IN_PROCESS says so', () => {
    expect(loadConfig({ SUBGRAPHS_IN_PROCESS: 'true' }).subgraphsInProcess).toBe(true);
    expect(loadConfig({ SUBGRAPHS_IN_PROCESS: 'off' }).subgraphsInProcess).toBe(false);
    expect(() => loadConfig({ SUBGRAPHS_IN_PROCESS: 'maybe' })).toThrow(/SUBGRAPHS_IN_PROCESS/);
  });

  it('has the documented default limits (README, Security)', () => {
    expect(QUERY_LIMIT_DEFAULTS).toMatchObject({
      maxDepth: 10,
      maxAliases: 15,
      maxTokens: 2000,
      maxCharacters: 20_000,
      maxDirectives: 50,
    });
    expect(loadConfig({}).series).toEqual({
      maxPoints: 50_000,
      maxForecastHistoryDays: 365,
      maxReclaimableWindowDays: 365,
    });
    expect(
      loadConfig({
        MAX_USAGE_POINTS: '10',
        FORECAST_MAX_HISTORY_DAYS: '30',
        RECLAIMABLE_MAX_WINDOW_DAYS: '90',
      }).series,
    ).toEqual({ maxPoints: 10, maxForecastHistoryDays: 30, maxReclaimableWindowDays: 90 });
    expect(() => loadConfig({ RECLAIMABLE_MAX_WINDOW_DAYS: '0' })).toThrow(
      /RECLAIMABLE_MAX_WINDOW_DAYS/,
    );
    expect(() => loadConfig({ MAX_USAGE_POINTS: '0' })).toThrow(/MAX_USAGE_POINTS/);
    expect(() => loadConfig({ FORECAST_MAX_HISTORY_DAYS: '2000' })).toThrow(
      /FORECAST_MAX_HISTORY_DAYS/,
    );
  });

  it('reads the low-water mark of LOW_ASSIGNMENT alerts and refuses one outside (0, 1]', () => {
    expect(
      loadConfig({ ALERT_LOW_ASSIGNMENT_MARK: '0.25', ALERT_EXHAUSTION_DAYS: '90' }).alerts,
    ).toEqual({ lowAssignmentMark: 0.25, exhaustionWarnDays: 90 });
    expect(() => loadConfig({ ALERT_EXHAUSTION_DAYS: '0' })).toThrow(/ALERT_EXHAUSTION_DAYS/);
    for (const bad of ['0', '1.5', 'half', '-0.2']) {
      expect(() => loadConfig({ ALERT_LOW_ASSIGNMENT_MARK: bad })).toThrow(
        /ALERT_LOW_ASSIGNMENT_MARK: must be a number above 0 and at most 1/,
      );
    }
  });

  it('reads how long a usage report may run and refuses a duration outside (0, 3600]', () => {
    expect(loadConfig({}).reports).toEqual({ timeoutSeconds: 30 });
    expect(loadConfig({ REPORT_TIMEOUT_SECONDS: '2.5' }).reports).toEqual({
      timeoutSeconds: 2.5,
    });
    expect(loadConfig({ REPORT_TIMEOUT_SECONDS: '90' }).reports).toEqual({ timeoutSeconds: 90 });
    for (const bad of ['0', '3601', 'soon', '-1', '1e3']) {
      expect(() => loadConfig({ REPORT_TIMEOUT_SECONDS: bad })).toThrow(
        /REPORT_TIMEOUT_SECONDS: must be a number of seconds above 0 and at most 3600/,
      );
    }
  });

  it('treats blank values as unset', () => {
    const blank = ['DATABASE_URL', 'PORT', 'JWT_SECRET', 'LOG_LEVEL', 'USAGE_URL', 'DATA_DIR'];
    expect(loadConfig(Object.fromEntries(blank.map((name) => [name, '  '])))).toEqual(
      loadConfig({}),
    );
  });

  describe('DATA_DIR', () => {
    it('is resolved to an absolute path and holds the default SQLite file', () => {
      const config = loadConfig({ DATA_DIR: 'var/lg' });
      expect(config.dataDir).toBe(path.resolve('var/lg'));
      expect(config.database).toEqual({
        kind: 'sqlite',
        file: path.resolve('var/lg', 'licensegraph.sqlite'),
      });
    });
  });

  describe('DATABASE_URL', () => {
    it.each([
      ['sqlite:./data/lg.db', { kind: 'sqlite', file: './data/lg.db' }],
      ['sqlite::memory:', { kind: 'sqlite', file: ':memory:' }],
      [
        'mysql://lg:pw@db:3306/licensegraph',
        { kind: 'mysql', url: 'mysql://lg:pw@db:3306/licensegraph' },
      ],
      ['mysql://root@127.0.0.1/lg', { kind: 'mysql', url: 'mysql://root@127.0.0.1/lg' }],
    ])('accepts %s', (value, database) => {
      expect(loadConfig({ DATABASE_URL: value }).database).toEqual(database);
    });

    it('keeps its SQLite file when DATA_DIR is set too', () => {
      expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db', DATA_DIR: '/srv' }).database).toEqual({
        kind: 'sqlite',
        file: '/tmp/x.db',
      });
    });

    it.each([
      ['postgres://u@h/db', /must start with mysql:\/\/ .* or sqlite:/],
      ['lg.sqlite', /must start with/],
      ['sqlite:', /needs a path/],
      ['mysql://root@127.0.0.1:3306', /needs a database name/],
      ['mysql://root@127.0.0.1:3306/', /needs a database name/],
      ['mysql://root@127.0.0.1:99999/lg', /not a valid URL/],
    ])('refuses %s', (value, problem) => {
      const error = configError({ DATABASE_URL: value });
      expect(error.variable).toBe('DATABASE_URL');
      expect(error.message).toMatch(/^DATABASE_URL: /);
      expect(error.message).toMatch(problem);
    });
  });

  describe.each([
    ['PORT', (c: ReturnType<typeof loadConfig>) => c.port, 4000],
    [
      'ORGANIZATIONS_PORT',
      (c: ReturnType<typeof loadConfig>) => c.subgraphPorts.organizations,
      4001,
    ],
    [
      'SUBSCRIPTIONS_PORT',
      (c: ReturnType<typeof loadConfig>) => c.subgraphPorts.subscriptions,
      4002,
    ],
    ['USAGE_PORT', (c: ReturnType<typeof loadConfig>) => c.subgraphPorts.usage, 4003],
  ])('%s', (name, pick, fallback) => {
    it(`defaults to ${fallback}`, () => {
      expect(pick(loadConfig({}))).toBe(fallback);
    });

    it.each([
      ['1', 1],
      ['8080', 8080],
      [' 65535 ', 65535],
    ])('accepts "%s"', (value, expected) => {
      expect(pick(loadConfig({ [name]: value }))).toBe(expected);
    });

    it.each(['0', '65536', '-1', '80.5', '4000x', 'http'])('refuses "%s"', (value) => {
      const error = configError({ [name]: value });
      expect(error.variable).toBe(name);
      expect(error.message).toBe(`${name}: must be a port number from 1 to 65535, got "${value}"`);
    });
  });

  it('derives the default subgraph URLs from the subgraph ports', () => {
    const config = loadConfig({ ORGANIZATIONS_PORT: '5001', USAGE_PORT: '5003' });
    expect(config.subgraphUrls).toEqual({
      organizations: 'http://127.0.0.1:5001/graphql',
      subscriptions: 'http://127.0.0.1:4002/graphql',
      usage: 'http://127.0.0.1:5003/graphql',
    });
  });

  describe.each([
    ['ORGANIZATIONS_URL', 'organizations'],
    ['SUBSCRIPTIONS_URL', 'subscriptions'],
    ['USAGE_URL', 'usage'],
  ] as const)('%s', (name, subgraph) => {
    it('accepts an http(s) URL', () => {
      expect(loadConfig({ [name]: 'http://svc:4001/graphql' }).subgraphUrls[subgraph]).toBe(
        'http://svc:4001/graphql',
      );
      expect(loadConfig({ [name]: 'https://svc.example/graphql' }).subgraphUrls[subgraph]).toBe(
        'https://svc.example/graphql',
      );
    });

    it.each(['svc:4001/graphql', 'ftp://svc/graphql', 'not a url'])('refuses "%s"', (value) => {
      const error = configError({ [name]: value });
      expect(error.variable).toBe(name);
      expect(error.message).toBe(`${name}: must be an http(s) URL, got "${value}"`);
    });
  });

  describe('HOST', () => {
    it('defaults to loopback and takes any address', () => {
      expect(loadConfig({}).host).toBe('127.0.0.1');
      expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    });
  });

  describe('JWT_SECRET', () => {
    it('accepts 32 bytes or more, counted as UTF-8', () => {
      expect(loadConfig({ JWT_SECRET: 'x'.repeat(32) }).jwt.secret).toBe('x'.repeat(32));
      expect(loadConfig({ JWT_SECRET: 'é'.repeat(16) }).jwt.secret).toBe('é'.repeat(16));
    });

    it.each(['short', 'x'.repeat(31), 'é'.repeat(15) + 'x'])('refuses a short key', (value) => {
      const error = configError({ JWT_SECRET: value });
      expect(error.variable).toBe('JWT_SECRET');
      expect(error.message).toMatch(/^JWT_SECRET: must be at least 32 bytes/);
      expect(error.message).not.toContain(value);
    });
  });

  describe('JWT_JWKS_URL', () => {
    it('accepts an https URL', () => {
      const url = 'https://idp.example/.well-known/jwks.json';
      expect(loadConfig({ JWT_JWKS_URL: url }).jwt.jwksUrl).toBe(url);
    });

    it.each(['idp.example/jwks', 'file:///etc/jwks.json'])('refuses "%s"', (value) => {
      const error = configError({ JWT_JWKS_URL: value });
      expect(error.variable).toBe('JWT_JWKS_URL');
      expect(error.message).toMatch(/^JWT_JWKS_URL: must be an http\(s\) URL/);
    });
  });

  it.each([
    ['JWT_ISSUER', 'https://idp.example/', (c: ReturnType<typeof loadConfig>) => c.jwt.issuer],
    ['JWT_AUDIENCE', 'reporting', (c: ReturnType<typeof loadConfig>) => c.jwt.audience],
  ])('takes %s as given', (name, value, pick) => {
    expect(pick(loadConfig({ [name]: value }))).toBe(value);
  });

  describe('LOG_LEVEL', () => {
    it.each(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])(
      'accepts %s',
      (level) => {
        expect(loadConfig({ LOG_LEVEL: level }).logLevel).toBe(level);
      },
    );

    it('ignores case', () => {
      expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    });

    it.each(['verbose', 'warning', '10'])('refuses "%s"', (value) => {
      const error = configError({ LOG_LEVEL: value });
      expect(error.variable).toBe('LOG_LEVEL');
      expect(error.message).toMatch(/^LOG_LEVEL: must be one of fatal, error, warn, info, debug/);
    });
  });

  describe.each([
    ['MAX_QUERY_DEPTH', 'maxDepth', 100],
    ['MAX_QUERY_ALIASES', 'maxAliases', 1000],
    ['MAX_QUERY_TOKENS', 'maxTokens', 100_000],
    ['MAX_QUERY_CHARACTERS', 'maxCharacters', 1_000_000],
    ['MAX_QUERY_DIRECTIVES', 'maxDirectives', 1000],
    ['MAX_QUERY_COST', 'maxCost', 100_000_000],
    ['MAX_RESPONSE_BYTES', 'maxResponseBytes', 2 ** 30],
  ] as const)('%s', (name, limit, max) => {
    it.each(['1', String(max)])('accepts %s', (value) => {
      expect(loadConfig({ [name]: value }).limits[limit]).toBe(Number(value));
    });

    it.each(['0', String(max + 1), '-5', '2.5', 'many'])('refuses "%s"', (value) => {
      const error = configError({ [name]: value });
      expect(error.variable).toBe(name);
      expect(error.message).toBe(
        `${name}: must be a whole number from 1 to ${max}, got "${value}"`,
      );
    });
  });
});
