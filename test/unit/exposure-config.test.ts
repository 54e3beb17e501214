import { exposureSettings, loadConfig, rateLimitSettings } from '../../src/config';

// The settings of issue 12 §3-§7 (README, Security): defaults, production mode, refusals.

describe('exposure and rate limit settings', () => {
  it('defaults to the embedded setup', () => {
    expect(exposureSettings({})).toEqual({
      production: false,
      playground: true,
      dashboard: true,
      maxRequestBytes: 1048576,
      subgraphMaxRequestBytes: 16777216,
      subgraphSecret: null,
      trustProxyHops: 0,
    });
    expect(rateLimitSettings({})).toEqual({
      redisUrl: null,
      windowSeconds: 60,
      viewerPoints: 1_000_000,
      minOperationCost: 1_000,
      addressRequests: 1200,
    });
  });

  it('turns the playground off in production unless PLAYGROUND says otherwise', () => {
    expect(exposureSettings({ NODE_ENV: 'production' })).toMatchObject({
      production: true,
      playground: false,
    });
    expect(exposureSettings({ NODE_ENV: 'production', PLAYGROUND: 'true' }).playground).toBe(true);
    expect(exposureSettings({ PLAYGROUND: 'off' }).playground).toBe(false);
  });

  it('serves the dashboard in production too, unless DASHBOARD=false', () => {
    expect(exposureSettings({ NODE_ENV: 'production' }).dashboard).toBe(true);
    expect(exposureSettings({ DASHBOARD: 'false' }).dashboard).toBe(false);
  });

  it.each([
    [{ PLAYGROUND: 'maybe' }, /PLAYGROUND: must be true or false/],
    [{ DASHBOARD: 'sometimes' }, /DASHBOARD: must be true or false/],
    [{ SUBGRAPH_SECRET: 'short' }, /SUBGRAPH_SECRET: must be at least 32 bytes/],
    [{ MAX_REQUEST_BYTES: '1mb' }, /MAX_REQUEST_BYTES: must be a whole number/],
    [{ TRUST_PROXY: '-1' }, /TRUST_PROXY: must be a whole number from 0 to 10/],
    [{ REDIS_URL: 'localhost:6379' }, /REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/],
    [{ RATE_LIMIT_VIEWER_POINTS: '0' }, /RATE_LIMIT_VIEWER_POINTS: must be a whole number/],
    [{ RATE_LIMIT_ADDRESS_REQUESTS: 'many' }, /RATE_LIMIT_ADDRESS_REQUESTS: must be a whole/],
    [{ RATE_LIMIT_WINDOW_SECONDS: '86401' }, /RATE_LIMIT_WINDOW_SECONDS: must be a whole/],
  ])('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads every value', () => {
    const env = {
      MAX_REQUEST_BYTES: '2000000',
      SUBGRAPH_MAX_REQUEST_BYTES: '3000000',
      SUBGRAPH_SECRET: 's'.repeat(32),
      TRUST_PROXY: '1',
      REDIS_URL: 'redis://127.0.0.1:6379',
      RATE_LIMIT_WINDOW_SECONDS: '10',
      RATE_LIMIT_VIEWER_POINTS: '50',
      RATE_LIMIT_MIN_OPERATION_COST: '5',
      RATE_LIMIT_ADDRESS_REQUESTS: '70',
    };
    expect(loadConfig(env).exposure).toMatchObject({
      maxRequestBytes: 2000000,
      subgraphMaxRequestBytes: 3000000,
      subgraphSecret: 's'.repeat(32),
      trustProxyHops: 1,
    });
    expect(loadConfig(env).rateLimits).toEqual({
      redisUrl: 'redis://127.0.0.1:6379',
      windowSeconds: 10,
      viewerPoints: 50,
      minOperationCost: 5,
      addressRequests: 70,
    });
  });
});
