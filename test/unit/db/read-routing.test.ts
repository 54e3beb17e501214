import { judgeReplicaStatus } from '../../../src/db/read-routing';
import { isReadOnlyRequest } from '../../../src/graphql/read-only-request';

// What sends reads away from a replica, in MariaDB's and MySQL's words for SHOW REPLICA STATUS
// (the test with a real replica, test/integration/scale/read-replica.test.ts, runs MariaDB), and
// which requests count as reads at all.

describe('judgeReplicaStatus', () => {
  const mariadb = { Slave_IO_Running: 'Yes', Slave_SQL_Running: 'Yes', Seconds_Behind_Master: 2 };
  const mysql = { Replica_IO_Running: 'Yes', Replica_SQL_Running: 'Yes', Seconds_Behind_Source: 2 };

  it.each([
    ['MariaDB, within the lag', mariadb, 5, true, 'replicating, lag 2 s'],
    ['MySQL, within the lag', mysql, 5, true, 'replicating, lag 2 s'],
    ['MariaDB, too far behind', mariadb, 1, false, 'lag 2 s'],
    ['MySQL, too far behind', mysql, 1, false, 'lag 2 s'],
    [
      'SQL thread stopped',
      { ...mariadb, Slave_SQL_Running: 'No' },
      5,
      false,
      'replication stopped (IO Yes, SQL No)',
    ],
    [
      'IO thread reconnecting',
      { ...mysql, Replica_IO_Running: 'Connecting' },
      5,
      false,
      'replication stopped (IO Connecting, SQL Yes)',
    ],
    ['lag unknown (NULL)', { ...mariadb, Seconds_Behind_Master: null }, 5, false, 'lag unknown'],
    ['not a replica at all', undefined, 5, false, 'not a replica'],
  ])('%s', (_case, row, maxLag, healthy, reason) => {
    expect(judgeReplicaStatus(row, maxLag)).toEqual({ healthy, reason });
  });
});

describe('isReadOnlyRequest', () => {
  it.each([
    [{ query: '{ viewer { user { id } } }' }, true],
    [{ query: 'query Q { a }' }, true],
    [{ query: 'mutation M { a }' }, false],
    [{ query: 'query Q { a } mutation M { b }', operationName: 'Q' }, true],
    [{ query: 'query Q { a } mutation M { b }', operationName: 'M' }, false],
    [{ query: 'query Q { a } mutation M { b }' }, false],
    [{ query: 'query Q { a }', operationName: 'Other' }, false],
    [{ query: '{ broken' }, false],
    [{}, false],
    [null, false],
  ])('%j: %s', (body, readOnly) => {
    expect(isReadOnlyRequest(body)).toBe(readOnly);
  });
});
