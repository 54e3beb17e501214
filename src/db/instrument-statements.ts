import type { DataSource, QueryRunner } from 'typeorm';
import { statementDuration } from '../telemetry/metrics';
import { inSpan, SpanKind } from '../telemetry/tracing';

// Every SQL statement TypeORM runs, on either database, passes through a query runner's query():
// wrapping the runners a data source makes is the one place where each statement is timed
// (licensegraph_db_statement_duration_seconds) and, when traces are on, gets its span under the
// request's (README, Operations). On MySQL the time includes the wait for a pooled connection
// (licensegraph_db_pool_waiting says when there is one). Streamed reads (the CSV export) are not
// counted: their time is the client's download.

const KINDS = new Set(['select', 'insert', 'update', 'delete', 'replace', 'with', 'set']);
const TRANSACTION = /^(start|begin|commit|rollback|savepoint|release)$/;

/** select, insert, ..., transaction or other: a label of few values. */
export function statementKind(sql: string): string {
  // MariaDB's per-statement settings (db/statement-settings) come first: the statement follows.
  const statement = sql.replace(/^\s*SET\s+STATEMENT\s+[\s\S]*?\bFOR\s+/i, '');
  const word = /^\s*\(?\s*([A-Za-z]+)/.exec(statement)?.[1]?.toLowerCase() ?? '';
  if (word === 'with') return 'select';
  if (KINDS.has(word)) return word;
  return TRANSACTION.test(word) ? 'transaction' : 'other';
}

/** The longest statement text a span carries (a 500-id IN list is long enough to tell it). */
const MAX_SQL_IN_SPAN = 2000;

function instrument(runner: QueryRunner, system: string): QueryRunner {
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, ...rest: unknown[]) => {
    const kind = statementKind(sql);
    const attributes = { 'db.system': system, 'db.query.text': sql.slice(0, MAX_SQL_IN_SPAN) };
    return inSpan(`sql ${kind}`, SpanKind.CLIENT, attributes, async () => {
      const stop = statementDuration.startTimer({ kind });
      try {
        const result: unknown = await (query as (...args: unknown[]) => Promise<unknown>)(
          sql,
          ...rest,
        );
        stop({ outcome: 'ok' });
        return result;
      } catch (error) {
        stop({ outcome: 'error' });
        throw error;
      }
    });
  }) as QueryRunner['query'];
  return runner;
}

/** Makes every query runner of `ds` report its statements; called once, as it is created. */
export function instrumentStatements(ds: DataSource): DataSource {
  const driver = ds.driver;
  const create = driver.createQueryRunner.bind(driver);
  const system = ds.options.type === 'better-sqlite3' ? 'sqlite' : 'mysql';
  driver.createQueryRunner = (mode) => instrument(create(mode), system);
  return ds;
}
