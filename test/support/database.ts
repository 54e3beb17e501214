import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import type { DataSource, Logger } from 'typeorm';
import type { DatabaseConfig } from '../../src/config';
import { openDataSource } from '../../src/db/data-source';

// Integration tests run against a real database: SQLite in memory, or MySQL/MariaDB in a database
// created for this test file alone and dropped afterwards. TEST_DB is set per jest project.

export type TestDbKind = 'mysql' | 'sqlite';

export const DEFAULT_TEST_MYSQL_URL = 'mysql://root@127.0.0.1:3306/';

export function testDbKind(): TestDbKind {
  const kind = process.env.TEST_DB;
  if (kind !== 'mysql' && kind !== 'sqlite') {
    throw new Error('TEST_DB must be "mysql" or "sqlite" (set by the jest projects)');
  }
  return kind;
}

export interface TestDatabase {
  kind: TestDbKind;
  config: DatabaseConfig;
  ds: DataSource;
  /** Closes the data source and drops the MySQL database. */
  close(): Promise<void>;
}

function mysqlServerUrl(): URL {
  return new URL(process.env.TEST_MYSQL_URL ?? DEFAULT_TEST_MYSQL_URL);
}

async function connectToMysqlServer(): Promise<mysql.Connection> {
  const url = mysqlServerUrl();
  try {
    return await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username || 'root'),
      password: decodeURIComponent(url.password),
    });
  } catch (error) {
    throw new Error(
      `The MySQL integration run needs a MySQL 8 or MariaDB 10.11 server and could not reach ` +
        `${url.host} (${(error as Error).message}). Start one, or point the tests at one with ` +
        `TEST_MYSQL_URL=mysql://user:password@host:port/ (a user that may create databases).`,
    );
  }
}

/** Creates an empty MySQL database for one test file and returns its URL. */
export async function createMysqlDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await connectToMysqlServer();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = mysqlServerUrl();
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const conn = await connectToMysqlServer();
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}

/** A migrated, empty database of the kind this jest project tests. */
export async function openTestDatabase(options: { logger?: Logger } = {}): Promise<TestDatabase> {
  const kind = testDbKind();
  if (kind === 'sqlite') {
    const config: DatabaseConfig = { kind: 'sqlite', file: ':memory:' };
    const ds = await openDataSource(config, { logger: options.logger });
    return { kind, config, ds, close: () => ds.destroy() };
  }
  const database = await createMysqlDatabase();
  const config: DatabaseConfig = { kind: 'mysql', url: database.url };
  const ds = await openDataSource(config, { logger: options.logger, migrate: true, poolSize: 4 });
  return {
    kind,
    config,
    ds,
    async close() {
      await ds.destroy();
      await database.drop();
    },
  };
}
