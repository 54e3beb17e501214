import { ConfigError, deadlineSettings, loadConfig } from '../../../src/config';
import { ownLimitSeconds, sessionSettingsSql } from '../../../src/db/guarded-pool';
import { databaseRefusal } from '../../../src/db/database-errors';
import { isQueryBody } from '../../../src/gateway/subgraph-fetcher';

describe('deadline settings (README, Operations)', () => {
  it('has defaults: 10 s per statement, half of it for a lock, subgraph fetches after reports', () => {
    expect(deadlineSettings({})).toEqual({
      requestTimeoutSeconds: 10,
      lockWaitSeconds: 5,
      exportTimeoutSeconds: 600,
      poolSize: 10,
      poolQueueLimit: 100,
      acquireTimeoutSeconds: 5,
      connectTimeoutSeconds: 5,
      subgraphTimeoutSeconds: 35,
      drainSeconds: 10,
    });
    expect(loadConfig({}).deadlines).toEqual(deadlineSettings({}));
  });

  it('derives the lock wait and the subgraph timeout from the request timeout', () => {
    expect(deadlineSettings({ REQUEST_TIMEOUT_SECONDS: '60' })).toMatchObject({
      lockWaitSeconds: 30,
      subgraphTimeoutSeconds: 65,
    });
    expect(deadlineSettings({ REQUEST_TIMEOUT_SECONDS: '1.5' }).lockWaitSeconds).toBe(1);
  });

  it('refuses values that are no durations or sizes, naming the variable', () => {
    for (const [name, bad] of [
      ['REQUEST_TIMEOUT_SECONDS', '0'],
      ['LOCK_WAIT_TIMEOUT_SECONDS', '0.5'],
      ['DATABASE_POOL_SIZE', 'many'],
      ['DATABASE_POOL_QUEUE', '-1'],
      ['DATABASE_ACQUIRE_TIMEOUT_SECONDS', 'soon'],
      ['SUBGRAPH_TIMEOUT_SECONDS', '1e3'],
    ]) {
      expect(() => deadlineSettings({ [name]: bad })).toThrow(ConfigError);
      expect(() => deadlineSettings({ [name]: bad })).toThrow(new RegExp(`^${name}:`));
    }
  });
});

describe('session deadlines', () => {
  const deadlines = deadlineSettings({
    REQUEST_TIMEOUT_SECONDS: '2.5',
    LOCK_WAIT_TIMEOUT_SECONDS: '1',
  });

  it('sets the statement limit in each flavor and the lock waits', () => {
    expect(sessionSettingsSql('mariadb', deadlines)).toBe(
      'SET SESSION max_statement_time = 2.5, lock_wait_timeout = 1, innodb_lock_wait_timeout = 1',
    );
    expect(sessionSettingsSql('mysql', deadlines)).toBe(
      'SET SESSION max_execution_time = 2500, lock_wait_timeout = 1, innodb_lock_wait_timeout = 1',
    );
  });

  it("reads a statement's own limit", () => {
    expect(ownLimitSeconds('SET STATEMENT max_statement_time = 30, x = 1 FOR SELECT 1')).toBe(30);
    expect(ownLimitSeconds('SELECT /*+ MAX_EXECUTION_TIME(1500) */ 1')).toBe(1.5);
    expect(ownLimitSeconds('SELECT 1')).toBeNull();
  });
});

describe('database refusals', () => {
  const driver = (fields: Record<string, unknown>) => ({
    originalError: { driverError: Object.assign(new Error('x'), fields) },
  });

  it('tells a lock wait from a statement limit and from an unreachable database', () => {
    expect(databaseRefusal(driver({ errno: 1205 }))?.code).toBe('DATABASE_LOCKED');
    expect(databaseRefusal(driver({ errno: 1969 }))?.code).toBe('DATABASE_TIMEOUT');
    expect(databaseRefusal(driver({ errno: 3024 }))?.code).toBe('DATABASE_TIMEOUT');
    expect(databaseRefusal(driver({ code: 'ECONNREFUSED' }))?.code).toBe('SERVICE_UNAVAILABLE');
    expect(databaseRefusal(driver({ code: 'SQLITE_BUSY' }))?.code).toBe('DATABASE_LOCKED');
    expect(databaseRefusal(driver({ errno: 1062 }))).toBeNull();
    expect(databaseRefusal(new Error('anything'))).toBeNull();
  });

  it('says nothing of the driver in its message', () => {
    const refusal = databaseRefusal(
      driver({ code: 'ECONNREFUSED', message: 'connect 10.0.0.1:3306' }),
    );
    expect(refusal?.message).not.toMatch(/\d+\.\d+|3306/);
  });
});

describe('retries of subgraph fetches', () => {
  it('retries queries only, never mutations', () => {
    expect(isQueryBody(JSON.stringify({ query: 'query X__usage__1 { a }' }))).toBe(true);
    expect(isQueryBody(JSON.stringify({ query: '{ a }' }))).toBe(true);
    expect(isQueryBody(JSON.stringify({ query: 'mutation { ingestUsage }' }))).toBe(false);
    expect(isQueryBody('not json')).toBe(false);
  });
});
