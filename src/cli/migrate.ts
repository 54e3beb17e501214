import type { Command } from 'commander';
import { createDataSource } from '../db/data-source';
import { detectMysqlFlavor } from '../db/mysql-flavor';
import { sqlLogger } from '../logger';
import { describeDatabase, withDatabase } from './database';
import { CliError, EXIT, firstLine } from './errors';
import type { CliSession } from './session';

// `licensegraph migrate`: brings a MySQL database to the schema of this version by running the
// pending migrations of migrations/. The embedded SQLite database has no migrations: it is built
// from the entities whenever it is opened, which this command does so that it exists afterwards.

async function migrateMysql(session: CliSession, url: string): Promise<void> {
  const where = describeDatabase({ kind: 'mysql', url });
  let ds;
  try {
    ds = createDataSource(
      { kind: 'mysql', url, flavor: await detectMysqlFlavor(url) },
      { logger: sqlLogger(session.logger) },
    );
    await ds.initialize();
  } catch (error) {
    throw new CliError(`Cannot open ${where}: ${firstLine(error)}`, EXIT.FAILURE, {
      cause: error,
    });
  }
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length === 0) {
      session.print(
        `${where} is up to date: all ${ds.migrations.length} migrations were applied before.`,
      );
      return;
    }
    for (const migration of applied) session.print(`Applied ${migration.name}`);
    session.print(`${where}: ${applied.length} migration(s) applied.`);
  } finally {
    await ds.destroy();
  }
}

async function migrate(session: CliSession): Promise<number> {
  const { database } = session.config;
  if (database.kind === 'mysql') {
    await migrateMysql(session, database.url);
    return EXIT.OK;
  }
  await withDatabase(session, async () => undefined);
  session.print(
    `${describeDatabase(database)} is the embedded database: it has no migrations and is built ` +
      'from the entities when opened. Its schema is current.',
  );
  return EXIT.OK;
}

export function registerMigrate(program: Command, session: CliSession): void {
  program
    .command('migrate')
    .description('run pending MySQL migrations (the embedded SQLite database needs none)')
    .action(session.action(() => migrate(session)));
}
