import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that counts the statements run, so tests can prove that a request's statement
 * count depends on the query's shape and not on the number of rows.
 */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];

  logQuery(query: string): void {
    this.count++;
    this.statements.push(query);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  reset(): void {
    this.count = 0;
    this.statements = [];
  }

  /** Statements run by `work`, excluding transaction control. */
  async measure<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const start = this.statements.length;
    const result = await work();
    const statements = this.statements
      .slice(start)
      .filter(
        (s) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)/i.test(s.trim()),
      );
    return { result, statements };
  }
}
