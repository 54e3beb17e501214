import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';

// Helpers of the import tests: the whole database as rows, and input files in a scratch folder.

const TABLES: Record<string, string> = {
  partners: 'id',
  customers: 'id',
  subscriptions: 'id',
  entitlements: 'id',
  usage_sources: 'id',
  servers: 'id',
  license_usage: 'source_id, license_type, day',
  usage_daily_totals: 'partner_id, day, region, license_type',
  usage_daily_stale: 'partner_id, day',
  usage_bucket_last: 'source_id, license_type, bucket, period',
  users: 'id',
  role_assignments: 'id',
};

/** Every row of every table, in key order: two dumps are equal when the databases are. */
export async function dumpTables(ds: DataSource): Promise<Record<string, unknown[]>> {
  const dump: Record<string, unknown[]> = {};
  for (const [table, order] of Object.entries(TABLES)) {
    dump[table] = await ds.query(`SELECT * FROM ${table} ORDER BY ${order}`);
  }
  return dump;
}

/** Deletes every row, children first. */
export async function clearTables(ds: DataSource): Promise<void> {
  for (const table of [
    'role_assignments',
    'usage_bucket_last',
    'usage_daily_totals',
    'usage_daily_stale',
    'license_usage',
    'servers',
    'usage_sources',
    'entitlements',
    'subscriptions',
    'customers',
    'partners',
    'users',
  ]) {
    await ds.query(`DELETE FROM ${table}`);
  }
}

export async function countRows(ds: DataSource, table: string): Promise<number> {
  const [row] = await ds.query(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(row.n);
}

export const FIXTURES = path.join(__dirname, '../../fixtures/import');

/** A scratch folder for input files, removed by cleanup(). */
export function scratchFolder(): { write(name: string, content: string): string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-import-'));
  return {
    write(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** One usage record per line. */
export function ndjson(records: unknown[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
