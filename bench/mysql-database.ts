import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../src/db/data-source';

// Benchmarks run on MySQL in a database of their own, created for the run and dropped after it,
// so a benchmark never touches data someone cares about. The server comes from BENCH_MYSQL_URL,
// else from a mysql:// DATABASE_URL (its database name is ignored), else the local default.

export const DEFAULT_BENCH_MYSQL_URL = 'mysql://root@127.0.0.1:3306/';

export function benchServerUrl(env: Record<string, string | undefined> = process.env): URL {
  const fromDatabaseUrl = env.DATABASE_URL?.startsWith('mysql://') ? env.DATABASE_URL : undefined;
  const raw = env.BENCH_MYSQL_URL || fromDatabaseUrl || DEFAULT_BENCH_MYSQL_URL;
  try {
    return new URL(raw);
  } catch {
    throw new Error(`BENCH_MYSQL_URL: not a URL (mysql://user:password@host:port/), got "${raw}"`);
  }
}

async function connect(server: URL): Promise<mysql.Connection> {
  try {
    return await mysql.createConnection({
      host: server.hostname,
      port: Number(server.port || 3306),
      user: decodeURIComponent(server.username || 'root'),
      password: decodeURIComponent(server.password),
    });
  } catch (error) {
    throw new Error(
      `Benchmarks need a MySQL 8 or MariaDB 10.11 server and could not reach ${server.host} ` +
        `(${(error as Error).message}). Point them at one with ` +
        'BENCH_MYSQL_URL=mysql://user:password@host:port/ (a user that may create databases).',
    );
  }
}

/** The URL of this run's bench database, for processes the benchmark starts. */
export function benchDatabaseUrl(): string {
  const url = new URL(benchServerUrl());
  url.pathname = `/lg_bench_${process.pid}`;
  return url.toString();
}

/** Runs `work` on a freshly migrated database `lg_bench_<pid>` and drops it afterwards. */
export async function withBenchDatabase<T>(work: (ds: DataSource) => Promise<T>): Promise<T> {
  const server = benchServerUrl();
  const name = `lg_bench_${process.pid}`;
  const admin = await connect(server);
  try {
    await admin.query(
      `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    const ds = await openDataSource({ kind: 'mysql', url: benchDatabaseUrl() }, { migrate: true });
    try {
      return await work(ds);
    } finally {
      await ds.destroy();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}
