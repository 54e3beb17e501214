import type { DataSource } from 'typeorm';

// Which migrations of this version a MySQL database has run and which it has not: for
// `licensegraph migrate --status` and `licensegraph doctor`. Reads only: unlike TypeORM's own
// listing, it does not create the migrations table of a database that has none yet.

export interface MigrationStatus {
  /** Migrations of this version the database has run, oldest first. */
  applied: string[];
  /** Migrations of this version it has not run yet, in the order `migrate` would run them. */
  pending: string[];
  /** Migrations the database has run that this version does not know (a newer version ran). */
  unknown: string[];
}

async function executedMigrations(ds: DataSource): Promise<Set<string>> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  const runner = ds.createQueryRunner();
  try {
    if (!(await runner.hasTable(table))) return new Set();
    const rows: Array<{ name: string }> = await runner.query(
      `SELECT name FROM ${ds.driver.escape(table)}`,
    );
    return new Set(rows.map((row) => row.name));
  } finally {
    await runner.release();
  }
}

export async function migrationStatus(ds: DataSource): Promise<MigrationStatus> {
  const executed = await executedMigrations(ds);
  const known = ds.migrations.map((migration) => migration.name ?? migration.constructor.name);
  return {
    applied: known.filter((name) => executed.has(name)),
    pending: known.filter((name) => !executed.has(name)),
    unknown: [...executed].filter((name) => !known.includes(name)),
  };
}
