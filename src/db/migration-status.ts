import { MigrationExecutor } from 'typeorm';
import type { DataSource } from 'typeorm';

// Which migrations of this version a MySQL database has run and which it has not: for
// `licensegraph migrate --status` and `licensegraph doctor`.

export interface MigrationStatus {
  /** Migrations of this version the database has run, oldest first. */
  applied: string[];
  /** Migrations of this version it has not run yet, in the order `migrate` would run them. */
  pending: string[];
  /** Migrations the database has run that this version does not know (a newer version ran). */
  unknown: string[];
}

export async function migrationStatus(ds: DataSource): Promise<MigrationStatus> {
  const executor = new MigrationExecutor(ds);
  const executed = new Set((await executor.getExecutedMigrations()).map((m) => m.name));
  const known = ds.migrations.map((migration) => migration.name ?? migration.constructor.name);
  return {
    applied: known.filter((name) => executed.has(name)),
    pending: known.filter((name) => !executed.has(name)),
    unknown: [...executed].filter((name) => !known.includes(name)),
  };
}
