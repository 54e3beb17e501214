import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../db/data-source';
import { migrationStatus } from '../db/migration-status';
import { detectMysqlFlavor } from '../db/mysql-flavor';
import { sqlLogger } from '../logger';
import { describeDatabase, withDatabase } from './database';
import { CliError, EXIT, firstLine } from './errors';
import type { CliSession } from './session';

// `licensegraph migrate`: brings a MySQL database to the schema of this version by running the
// pending migrations of migrations/. The embedded SQLite database has no migrations: it is built
// from the entities whenever it is opened, which this command does so that it exists afterwards.
// `migrate --status` changes nothing: it lists the applied and pending migrations and exits 1
// when any is pending, so that a deployment can gate on it.

/** Connects without running or requiring migrations. */
async function connectMysql(session: CliSession, url: string): Promise<DataSource> {
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
  return ds;
}

async function migrateMysql(session: CliSession, url: string): Promise<void> {
  const where = describeDatabase({ kind: 'mysql', url });
  const ds = await connectMysql(session, url);
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

async function statusMysql(session: CliSession, url: string): Promise<number> {
  const where = describeDatabase({ kind: 'mysql', url });
  const ds = await connectMysql(session, url);
  try {
    const { applied, pending, unknown } = await migrationStatus(ds);
    for (const name of applied) session.print(`applied  ${name}`);
    for (const name of pending) session.print(`pending  ${name}`);
    for (const name of unknown) session.print(`unknown  ${name} (run by a newer version)`);
    if (pending.length > 0) {
      session.print(
        `${where}: ${pending.length} of ${ds.migrations.length} migration(s) pending; ` +
          'run `licensegraph migrate`.',
      );
      return EXIT.FAILURE;
    }
    session.print(`${where} is up to date: all ${applied.length} migrations applied.`);
    return EXIT.OK;
  } finally {
    await ds.destroy();
  }
}

async function migrate(session: CliSession, options: { status?: boolean }): Promise<number> {
  const { database } = session.config;
  if (options.status) {
    if (database.kind === 'mysql') return statusMysql(session, database.url);
    session.print(
      `${describeDatabase(database)} is the embedded database: it has no migrations (built ` +
        'from the entities when opened); nothing is pending.',
    );
    return EXIT.OK;
  }
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
    .option(
      '--status',
      'list applied and pending migrations, change nothing; exit 1 if any is pending',
    )
    .action(session.action((options: { status?: boolean }) => migrate(session, options)));
}
