import type { DataSource } from 'typeorm';
import { withStatementSettings } from '../../../src/db/statement-settings';

// MariaDB's form runs in the integration tests (test/integration/reporting/usage-report.test.ts);
// MySQL 8 is not available here, so its hint form is checked as text.

const of = (type: string) => ({ options: { type } }) as unknown as DataSource;
const SQL = 'SELECT a FROM t ORDER BY a';

describe('withStatementSettings', () => {
  it('puts MySQL optimizer hints right after the SELECT, with the timeout in whole milliseconds', () => {
    expect(
      withStatementSettings(of('mysql'), SQL, { timeoutSeconds: 0.0001, tempTableBytes: 1024 }),
    ).toBe(
      'SELECT /*+ MAX_EXECUTION_TIME(1) SET_VAR(tmp_table_size = 1024) */ a FROM t ORDER BY a',
    );
    expect(() =>
      withStatementSettings(of('mysql'), 'WITH x AS (SELECT 1) SELECT * FROM x', {
        timeoutSeconds: 1,
      }),
    ).toThrow(/not a SELECT/);
  });

  it('wraps the statement for MariaDB and leaves it alone where nothing is set or on SQLite', () => {
    expect(withStatementSettings(of('mariadb'), SQL, { timeoutSeconds: 2.5 })).toBe(
      `SET STATEMENT max_statement_time = 2.5 FOR ${SQL}`,
    );
    expect(withStatementSettings(of('mariadb'), SQL, {})).toBe(SQL);
    expect(
      withStatementSettings(of('better-sqlite3'), SQL, { timeoutSeconds: 1, tempTableBytes: 1 }),
    ).toBe(SQL);
  });
});
