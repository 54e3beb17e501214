import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { Logger, LoggerOptions } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { detectMysqlFlavor } from './mysql-flavor';
import { rebuildUsageRollups } from './rollups/rebuild';

export interface DataSourceOptions {
  /** Receives every statement TypeORM runs (statement counting in tests, debug logging). */
  logger?: Logger;
  poolSize?: number;
}

export function createDataSource(db: DatabaseConfig, options: DataSourceOptions = {}): DataSource {
  const common = {
    entities: ENTITIES,
    logger: options.logger,
    logging: options.logger ? (['query', 'error'] as LoggerOptions) : false,
  };
  if (db.kind === 'mysql') {
    return new DataSource({
      ...common,
      type: db.flavor ?? 'mysql',
      connectorPackage: 'mysql2',
      url: db.url,
      charset: 'utf8mb4_unicode_ci',
      timezone: 'Z',
      // Calendar days stay 'YYYY-MM-DD' strings: a JS Date would shift them by the local offset.
      dateStrings: ['DATE'],
      // Without FOUND_ROWS an unchanged row counts 0 in affectedRows, which the usage writer uses
      // to tell updated rows from unchanged ones (db/usage/upsert-mysql.ts).
      flags: ['-FOUND_ROWS'],
      supportBigNumbers: true,
      poolSize: options.poolSize ?? 10,
      migrations: MIGRATIONS,
      migrationsTableName: 'migrations',
      migrationsTransactionMode: 'each',
    });
  }
  if (db.file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(db.file)), { recursive: true });
  return new DataSource({
    ...common,
    type: 'better-sqlite3',
    database: db.file,
    enableWAL: db.file !== ':memory:',
    prepareDatabase: (sqlite: { pragma(source: string): unknown }) => {
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
    },
  });
}

async function sqliteHasTable(ds: DataSource, name: string): Promise<boolean> {
  const rows: unknown[] = await ds.query(
    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
    [name],
  );
  return rows.length > 0;
}

/**
 * Connects and makes sure the schema is current. MySQL's schema is only ever changed by the
 * migrations in migrations/ (`licensegraph migrate`); the embedded SQLite database is built from
 * the entities, since nobody deploys it.
 */
export async function openDataSource(
  db: DatabaseConfig,
  options: DataSourceOptions & { migrate?: boolean } = {},
): Promise<DataSource> {
  const ds = createDataSource(
    db.kind === 'mysql' ? { ...db, flavor: db.flavor ?? (await detectMysqlFlavor(db.url)) } : db,
    options,
  );
  await ds.initialize();
  try {
    if (db.kind === 'sqlite') {
      const hadRollups = await sqliteHasTable(ds, 'usage_daily_totals');
      await ds.synchronize();
      // A database made before the rollups existed: fill them from its usage, once.
      if (!hadRollups) await ds.transaction((manager) => rebuildUsageRollups(manager));
    } else if (options.migrate) {
      await ds.runMigrations({ transaction: 'each' });
    } else if (await ds.showMigrations()) {
      throw new Error(
        'The MySQL schema is behind this version: run `licensegraph migrate` (npm run migrate) first.',
      );
    }
  } catch (error) {
    await ds.destroy();
    throw error;
  }
  return ds;
}
