import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

// A digest of every table's content, to compare two databases or one database before and after.
// Surrogate keys (auto-increment ids) are left out: they number rows in insertion order and are
// not part of the data a seed promises. Rows are ordered by their natural keys.

const TABLES: Record<string, { columns: string; orderBy: string }> = {
  partners: { columns: 'id, name', orderBy: 'id' },
  customers: { columns: 'id, partner_id, name', orderBy: 'id' },
  subscriptions: {
    columns: 'id, customer_id, partner_id, kind, status, start_date, end_date',
    orderBy: 'id',
  },
  entitlements: {
    columns: 'subscription_id, customer_id, license_type, quantity, start_date, end_date',
    orderBy: 'subscription_id, license_type, start_date',
  },
  usage_sources: {
    columns:
      'id, source_type, subscription_id, customer_id, partner_id, name, region, last_reported_at',
    orderBy: 'id',
  },
  servers: { columns: 'cluster_id, customer_id, hostname, role', orderBy: 'cluster_id, hostname' },
  users: { columns: 'id, email, display_name', orderBy: 'id' },
  role_assignments: {
    columns: 'user_id, role, partner_id, customer_id, scope_key',
    orderBy: 'user_id, role, scope_key',
  },
  license_usage: {
    columns:
      'source_id, license_type, day, consumed, source_type, customer_id, partner_id, subscription_id, region',
    orderBy: 'source_id, license_type, day',
  },
};

function normalise(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  // SQLite keeps datetimes as text; MySQL hands back Date objects (normalised above).
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/.test(value)) {
    return new Date(`${value.replace(' ', 'T')}Z`).toISOString();
  }
  return value;
}

/** One digest per table. */
export async function dumpDigests(ds: DataSource): Promise<Record<string, string>> {
  const digests: Record<string, string> = {};
  for (const [table, { columns, orderBy }] of Object.entries(TABLES)) {
    const rows: Array<Record<string, unknown>> = await ds.query(
      `SELECT ${columns} FROM ${table} ORDER BY ${orderBy}`,
    );
    const hash = createHash('sha256');
    for (const row of rows) {
      hash.update(JSON.stringify(Object.values(row).map(normalise)));
      hash.update('\n');
    }
    digests[table] = `${rows.length}:${hash.digest('hex').slice(0, 16)}`;
  }
  return digests;
}

export async function countRows(ds: DataSource, table: string, where = '1 = 1'): Promise<number> {
  const [row] = await ds.query(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`);
  return Number(row.n);
}
