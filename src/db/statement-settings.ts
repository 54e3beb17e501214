import type { DataSource } from 'typeorm';

// Per-statement server settings for reads whose cost the caller chooses (usage reports), so that
// nothing leaks into the next statement on the same connection:
// - a cap on how long the statement may run: the server stops it with an error that
//   isStatementTimeout recognises;
// - how much memory its temporary tables may take before they go to disk: a report's GROUP BY
//   over a year of a partner's daily rows builds hundreds of thousands of groups, which on disk
//   took ten times as long (92–111 s against about 10 s on the bench seed).
// MariaDB takes `SET STATEMENT … FOR <statement>`, MySQL optimizer hints right after the SELECT.
// SQLite has neither (better-sqlite3 cannot interrupt a statement): there the statement runs as
// it is.

/**
 * Room for the temporary tables of a statement that aggregates a year of many sources (usage
 * reports, usage series): enough for a partner-wide year grouped by customer or by source and
 * license type on the bench seed. Concurrent statements may each take this much server memory.
 */
export const AGGREGATE_TEMP_TABLE_BYTES = 256 * 2 ** 20;

export interface StatementSettings {
  /** Stop the statement after this many seconds (fractions allowed). */
  timeoutSeconds?: number;
  /** In-memory temporary tables up to this size. */
  tempTableBytes?: number;
}

export function withStatementSettings(
  ds: DataSource,
  sql: string,
  settings: StatementSettings,
): string {
  const { timeoutSeconds, tempTableBytes } = settings;
  if (ds.options.type === 'mariadb') {
    const set: string[] = [];
    if (timeoutSeconds !== undefined) set.push(`max_statement_time = ${Number(timeoutSeconds)}`);
    if (tempTableBytes !== undefined) {
      const bytes = Math.round(Number(tempTableBytes));
      set.push(`tmp_memory_table_size = ${bytes}`, `max_heap_table_size = ${bytes}`);
    }
    return set.length > 0 ? `SET STATEMENT ${set.join(', ')} FOR ${sql}` : sql;
  }
  if (ds.options.type === 'mysql') {
    const hints: string[] = [];
    if (timeoutSeconds !== undefined) {
      hints.push(`MAX_EXECUTION_TIME(${Math.max(1, Math.ceil(timeoutSeconds * 1000))})`);
    }
    if (tempTableBytes !== undefined) {
      hints.push(`SET_VAR(tmp_table_size = ${Math.round(Number(tempTableBytes))})`);
    }
    if (hints.length === 0) return sql;
    if (!/^\s*SELECT\b/i.test(sql))
      throw new Error('withStatementSettings: not a SELECT statement');
    return sql.replace(/^\s*SELECT\b/i, `SELECT /*+ ${hints.join(' ')} */`);
  }
  return sql;
}

/** True for the error of a statement that its timeoutSeconds stopped. */
export function isStatementTimeout(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number } }).driverError;
  // MariaDB ER_STATEMENT_TIMEOUT, MySQL ER_QUERY_TIMEOUT.
  return driverError?.errno === 1969 || driverError?.errno === 3024;
}
