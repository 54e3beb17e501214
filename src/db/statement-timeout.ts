import type { DataSource } from 'typeorm';

// A cap on how long one SELECT may run, for reads whose cost the caller chooses (usage reports):
// the server stops the statement and answers an error that isStatementTimeout recognises.
// MariaDB takes `SET STATEMENT max_statement_time = s FOR …` (fractions of a second allowed),
// MySQL an optimizer hint in milliseconds right after the SELECT. SQLite has no such thing
// (better-sqlite3 cannot interrupt a statement): there the statement runs unlimited.

export function withStatementTimeout(ds: DataSource, sql: string, seconds: number): string {
  if (ds.options.type === 'mariadb')
    return `SET STATEMENT max_statement_time = ${Number(seconds)} FOR ${sql}`;
  if (ds.options.type === 'mysql') {
    const ms = Math.max(1, Math.ceil(seconds * 1000));
    if (!/^\s*SELECT\b/i.test(sql)) throw new Error('withStatementTimeout: not a SELECT statement');
    return sql.replace(/^\s*SELECT\b/i, `SELECT /*+ MAX_EXECUTION_TIME(${ms}) */`);
  }
  return sql;
}

/** True for the error of a statement that withStatementTimeout stopped. */
export function isStatementTimeout(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number } }).driverError;
  // MariaDB ER_STATEMENT_TIMEOUT, MySQL ER_QUERY_TIMEOUT.
  return driverError?.errno === 1969 || driverError?.errno === 3024;
}
