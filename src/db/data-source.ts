import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { Logger, LoggerOptions } from 'typeorm';
import type { DatabaseConfig, DeadlineSettings } from '../config';
import { MIGRATIONS } from '../../migrations';
import { ENTITIES } from './entities';
import { guardedMysqlDriver } from './guarded-pool';
import { instrumentStatements } from './instrument-statements';
import { detectMysqlFlavor } from './mysql-flavor';
import { rebuildUsageRollups } from './rollups/rebuild';

export interface DataSourceOptions {
  /** Receives every statement TypeORM runs (statement counting in tests, debug logging). */
  logger?: Logger;
  poolSize?: number;
  /**
   * A process serving requests: every statement gets REQUEST_TIMEOUT_SECONDS, lock waits and the
   * wait for a pooled connection are bounded (db/guarded-pool). Commands (migrate, import, seed)
   * run without.
   */
  deadlines?: DeadlineSettings;
}

export function createDataSource(db: DatabaseConfig, options: DataSourceOptions = {}): DataSource {
  const common = {
    entities: ENTITIES,
    logger: options.logger,
    logging: options.logger ? (['query', 'error'] as LoggerOptions) : false,
  };
  if (db.kind === 'mysql') {
    return instrumentStatements(
      new DataSource({
        ...common,
        type: db.flavor ?? 'mysql',
        connectorPackage: 'mysql2',
        ...(options.deadlines && {
          driver: guardedMysqlDriver(db.flavor ?? 'mysql', options.deadlines),
        }),
        url: db.url,
        charset: 'utf8mb4_unicode_ci',
        timezone: 'Z',
        // Calendar days stay 'YYYY-MM-DD' strings: a JS Date would shift them by the local offset.
        dateStrings: ['DATE'],
        // Without FOUND_ROWS an unchanged row counts 0 in affectedRows, which the usage writer uses
        // to tell updated rows from unchanged ones (db/usage/upsert-mysql.ts).
        flags: ['-FOUND_ROWS'],
        supportBigNumbers: true,
        poolSize: options.poolSize ?? options.deadlines?.poolSize ?? 10,
        migrations: MIGRATIONS,
        migrationsTableName: 'migrations',
        migrationsTransactionMode: 'each',
      }),
    );
  }
  if (db.file !== ':memory:')
    fs.mkdirSync(path.dirname(path.resolve(db.file)), { recursive: true });
  return instrumentStatements(
    new DataSource({
      ...common,
      type: 'better-sqlite3',
      database: db.file,
      enableWAL: db.file !== ':memory:',
      prepareDatabase: (sqlite: { pragma(source: string): unknown }) => {
        sqlite.pragma('foreign_keys = ON');
        // How long a statement waits for another connection's write lock.
        const lockWaitMs = (options.deadlines?.lockWaitSeconds ?? 5) * 1000;
        sqlite.pragma(`busy_timeout = ${Math.round(lockWaitMs)}`);
      },
    }),
  );
}

/**
 * MySQL's license_usage is partitioned by month (migrations/1796500000000-usage-partitions), and a
 * partitioned table can have no foreign key: its reference to usage_sources is left out of the
 * metadata too, so that TypeORM's schema comparison (and tools/generate-migration) agrees with
 * the migrated schema. SQLite keeps the foreign key the entity declares.
 */
function withoutPartitionedForeignKeys(ds: DataSource): void {
  const usage = ds.getMetadata('license_usage');
  usage.foreignKeys = usage.foreignKeys.filter(
    (key) => key.referencedTablePath !== 'usage_sources',
  );
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
  if (db.kind === 'mysql') withoutPartitionedForeignKeys(ds);
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
