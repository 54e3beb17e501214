import fs from 'node:fs';
import mysql from 'mysql2/promise';
import type { DatabaseConfig } from '../../config';
import { createDataSource } from '../../db/data-source';
import { migrationStatus } from '../../db/migration-status';
import { describeDatabase } from '../database';
import type { CheckResult } from './check';

// The configured database answers and its schema is current. MySQL: a connection with the check's
// time limit asks for the server version, then the migrations table is compared with this
// version's migrations. SQLite: the file opens (it has no migrations). Changes nothing.

async function checkMysql(url: string, timeoutMs: number): Promise<CheckResult> {
  const where = describeDatabase({ kind: 'mysql', url });
  const connection = await mysql.createConnection({ uri: url, connectTimeout: timeoutMs });
  let version: string;
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    version = String((rows as Array<{ version: string }>)[0]?.version ?? '');
  } finally {
    await connection.end();
  }
  const flavor = /mariadb/i.test(version) ? 'mariadb' : 'mysql';
  const ds = createDataSource({ kind: 'mysql', url, flavor }, { poolSize: 1 });
  await ds.initialize();
  try {
    const { applied, pending } = await migrationStatus(ds);
    const server = `${flavor === 'mariadb' ? 'MariaDB' : 'MySQL'} ${version.split('-')[0]}`;
    if (pending.length > 0) {
      return {
        name: 'database',
        status: 'fail',
        detail:
          `${where} answers (${server}) but ${pending.length} migration(s) are pending ` +
          `(${pending.join(', ')}): run \`licensegraph migrate\``,
      };
    }
    return {
      name: 'database',
      status: 'ok',
      detail: `${where} answers (${server}); all ${applied.length} migrations applied`,
    };
  } finally {
    await ds.destroy();
  }
}

async function checkSqlite(file: string): Promise<CheckResult> {
  const where = describeDatabase({ kind: 'sqlite', file });
  if (file !== ':memory:' && !fs.existsSync(file)) {
    return {
      name: 'database',
      status: 'ok',
      detail: `${where} does not exist yet: the first command that opens it creates it`,
    };
  }
  const ds = createDataSource({ kind: 'sqlite', file });
  await ds.initialize();
  try {
    await ds.query('SELECT COUNT(*) FROM sqlite_master');
  } finally {
    await ds.destroy();
  }
  return {
    name: 'database',
    status: 'ok',
    detail: `${where} opens; the embedded database has no migrations`,
  };
}

export function checkDatabase(db: DatabaseConfig, timeoutMs: number): Promise<CheckResult> {
  return db.kind === 'mysql' ? checkMysql(db.url, timeoutMs) : checkSqlite(db.file);
}
