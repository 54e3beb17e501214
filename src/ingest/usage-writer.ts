import type { EntityManager } from 'typeorm';
import { isMysql } from '../db/data-source';
import { IN_LIST_CHUNK, dateTimeParameter, placeholders } from './sql';
import { usageKey } from './usage-row';
import type { UsageRow, UsageWriteCounts } from './usage-row';

// The one write path for daily usage: the importer, the seeder and the ingestUsage mutation all
// come through here. A chunk of rows is one multi-row upsert.
//
// MySQL counts for us: with CLIENT_FOUND_ROWS off (see db/data-source.ts) an upsert reports 1
// affected row per insert and 2 per changed row (0 for a row set to what it held), and its info
// string "Records: n  Duplicates: d" counts the changed rows. The counts are the server's own, per
// statement, so concurrent writers of the same keys count consistently, at the cost of one
// statement per chunk. SQLite reports no such thing; it reads the chunk's existing rows first,
// which in-process costs little.

export const USAGE_CHUNK_SIZE = 2000;

const KEY_COLUMNS = ['source_id', 'license_type', 'day'] as const;
/** Copied from the source: rewritten with the count, so that a row follows its source. */
const COPIED_COLUMNS = [
  'source_type',
  'customer_id',
  'partner_id',
  'subscription_id',
  'region',
] as const;
const COLUMNS = [...KEY_COLUMNS, 'consumed', ...COPIED_COLUMNS];
const UPDATED_COLUMNS = ['consumed', ...COPIED_COLUMNS];
const ROW_PLACEHOLDERS = `(${placeholders(COLUMNS.length)})`;

const MYSQL_CONFLICT = `ON DUPLICATE KEY UPDATE ${UPDATED_COLUMNS.map((c) => `${c} = VALUES(${c})`).join(', ')}`;
const SQLITE_CONFLICT = `ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET ${UPDATED_COLUMNS.map(
  (c) => `${c} = excluded.${c}`,
).join(', ')}`;

function insertStatement(rows: UsageRow[], conflict: string): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  for (const row of rows) {
    values.push(
      row.sourceId,
      row.licenseType,
      row.day,
      row.consumed,
      row.sourceType,
      row.customerId,
      row.partnerId,
      row.subscriptionId,
      row.region,
    );
  }
  const tuples = new Array<string>(rows.length).fill(ROW_PLACEHOLDERS).join(',');
  return {
    sql: `INSERT INTO license_usage (${COLUMNS.join(',')}) VALUES ${tuples} ${conflict}`,
    values,
  };
}

async function upsertMysql(manager: EntityManager, rows: UsageRow[]): Promise<UsageWriteCounts> {
  const { sql, values } = insertStatement(rows, MYSQL_CONFLICT);
  const result = (await manager.query(sql, values)) as { affectedRows?: number; info?: string };
  const affected = Number(result.affectedRows);
  // A one-row statement has no info string; its affected rows say it all.
  const changed =
    rows.length === 1
      ? affected === 2
        ? 1
        : 0
      : Number(/Duplicates:\s*(\d+)/.exec(result.info ?? '')?.[1]);
  const inserted = affected - 2 * changed;
  const counts = { inserted, updated: changed, unchanged: rows.length - inserted - changed };
  if (!Number.isInteger(inserted) || inserted < 0 || counts.unchanged < 0) {
    // Never guess: a server that reports otherwise must not produce wrong counts silently.
    throw new Error(
      `usage writer: the database reported ${affected} affected rows and "${result.info}" for ${rows.length} rows`,
    );
  }
  return counts;
}

interface StoredUsage {
  source_id: string;
  license_type: UsageRow['licenseType'];
  day: string;
  consumed: number;
  source_type: string;
  customer_id: string;
  partner_id: string;
  subscription_id: string;
  region: string;
}

function sameRow(stored: StoredUsage, row: UsageRow): boolean {
  return (
    Number(stored.consumed) === row.consumed &&
    stored.source_type === row.sourceType &&
    stored.customer_id === row.customerId &&
    stored.partner_id === row.partnerId &&
    stored.subscription_id === row.subscriptionId &&
    stored.region === row.region
  );
}

async function upsertSqlite(manager: EntityManager, rows: UsageRow[]): Promise<UsageWriteCounts> {
  // The exact keys: SQLite seeks the primary key for each tuple of a VALUES list.
  const keys: unknown[] = [];
  for (const row of rows) keys.push(row.sourceId, row.licenseType, row.day);
  const existing: StoredUsage[] = await manager.query(
    `SELECT ${COLUMNS.join(', ')} FROM license_usage WHERE (${KEY_COLUMNS.join(', ')}) IN (VALUES ${new Array<string>(
      rows.length,
    )
      .fill('(?,?,?)')
      .join(',')})`,
    keys,
  );
  const stored = new Map<string, StoredUsage>();
  for (const row of existing) {
    stored.set(
      usageKey({ sourceId: row.source_id, licenseType: row.license_type, day: row.day }),
      row,
    );
  }
  const counts: UsageWriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const toWrite: UsageRow[] = [];
  for (const row of rows) {
    const before = stored.get(usageKey(row));
    if (before === undefined) counts.inserted++;
    else if (!sameRow(before, row)) counts.updated++;
    else {
      counts.unchanged++;
      continue;
    }
    toWrite.push(row);
  }
  if (toWrite.length > 0) {
    const { sql, values } = insertStatement(toWrite, SQLITE_CONFLICT);
    await manager.query(sql, values);
  }
  return counts;
}

async function touchSources(manager: EntityManager, rows: UsageRow[], at: Date): Promise<void> {
  const sourceIds = [...new Set(rows.map((row) => row.sourceId))];
  const when = dateTimeParameter(manager, at);
  for (let i = 0; i < sourceIds.length; i += IN_LIST_CHUNK) {
    const ids = sourceIds.slice(i, i + IN_LIST_CHUNK);
    await manager.query(
      `UPDATE usage_sources SET last_reported_at = ? WHERE id IN (${placeholders(ids.length)})`,
      [when, ...ids],
    );
  }
}

/**
 * Upserts usage rows on (source, license type, day) and counts exactly what happened to them: a
 * row is updated when it existed and any of its columns changes, unchanged when it already held
 * exactly this. The keys of `rows` must be distinct (callers reject duplicates first). Run it
 * inside a transaction when the rows must be stored all or none.
 *
 * When the call stores anything, every source it names is marked as having reported at
 * `reportedAt`; a call that changes nothing leaves the sources as they were, so that importing
 * the same file again leaves the database exactly as it was.
 */
export async function upsertUsageRows(
  manager: EntityManager,
  rows: UsageRow[],
  reportedAt: Date = new Date(),
): Promise<UsageWriteCounts> {
  const counts: UsageWriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (rows.length === 0) return counts;
  const upsert = isMysql(manager.connection) ? upsertMysql : upsertSqlite;
  for (let start = 0; start < rows.length; start += USAGE_CHUNK_SIZE) {
    const chunk = await upsert(manager, rows.slice(start, start + USAGE_CHUNK_SIZE));
    counts.inserted += chunk.inserted;
    counts.updated += chunk.updated;
    counts.unchanged += chunk.unchanged;
  }
  if (counts.inserted + counts.updated > 0) await touchSources(manager, rows, reportedAt);
  return counts;
}
