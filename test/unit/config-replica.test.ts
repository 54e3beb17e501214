import { loadConfig } from '../../src/config';

// DATABASE_READ_URL and the settings of the read replica (src/db/read-routing.ts).

const PRIMARY = 'mysql://lg:pw@primary.internal:3306/licensegraph';

describe('read replica configuration', () => {
  it('is off without DATABASE_READ_URL', () => {
    expect(loadConfig({ DATABASE_URL: PRIMARY }).replica).toBeNull();
  });

  it('reads the replica, its allowed lag and how often it is checked', () => {
    expect(
      loadConfig({
        DATABASE_URL: PRIMARY,
        DATABASE_READ_URL: 'mysql://lg:pw@replica.internal:3306/licensegraph',
        REPLICA_MAX_LAG_SECONDS: '30',
        REPLICA_CHECK_INTERVAL_SECONDS: '0.5',
      }).replica,
    ).toEqual({
      url: 'mysql://lg:pw@replica.internal:3306/licensegraph',
      maxLagSeconds: 30,
      checkIntervalSeconds: 0.5,
    });
    expect(
      loadConfig({ DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'mysql://r:3306/lg' }).replica,
    ).toEqual({ url: 'mysql://r:3306/lg', maxLagSeconds: 10, checkIntervalSeconds: 1 });
  });

  it.each([
    [
      { DATABASE_READ_URL: 'mysql://r:3306/lg' },
      /DATABASE_READ_URL: needs a mysql:\/\/ DATABASE_URL/,
    ],
    [
      { DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'sqlite:x.db' },
      /DATABASE_READ_URL: must be a mysql/,
    ],
    [
      { DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'mysql://r:3306/' },
      /DATABASE_READ_URL: mysql URL needs a database/,
    ],
    [
      { DATABASE_URL: PRIMARY, DATABASE_READ_URL: 'mysql://r/lg', REPLICA_MAX_LAG_SECONDS: '0' },
      /REPLICA_MAX_LAG_SECONDS: must be a number of seconds above 0/,
    ],
    [
      {
        DATABASE_URL: PRIMARY,
        DATABASE_READ_URL: 'mysql://r/lg',
        REPLICA_CHECK_INTERVAL_SECONDS: 'x',
      },
      /REPLICA_CHECK_INTERVAL_SECONDS: must be a number of seconds/,
    ],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});
