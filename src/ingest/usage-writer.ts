import type { EntityManager } from 'typeorm';
import { isMysql } from '../db/data-source';
import { RollupChanges } from '../db/rollups/rollup-changes';
import { applyRollupChanges } from '../db/rollups/write-rollups';
import { IN_LIST_CHUNK, dateTimeParameter, placeholders } from './sql';
import { usageKey } from './usage-row';
import type { UsageRow, UsageWriteCounts } from './usage-row';

// The one write path for daily usage: the importer, the seeder and the ingestUsage mutation all
// come through here. What a chunk's keys held before decides the counts (inserted, updated,
// unchanged) and the difference each row makes to the rollups (db/rollups), which are written
// once per call.
//
// Usually a chunk costs two statements: one reads what its keys hold now, one upserts the rows
// that are new or differ. On MySQL the read locks what it reads (FOR UPDATE; under REPEATABLE
// READ also the gaps where new keys go), so a concurrent writer of the same keys waits, or
// deadlocks and is retried by inTransaction, and never counts or rolls up from a value that is no
// longer there. SQLite runs one write transaction at a time.
//
// New days are the common case (a seed, a collector's daily report), so MySQL first tries a plain
// INSERT of the whole chunk: when no key exists it succeeds and nothing needs reading; when one
// does, the statement fails as a whole (InnoDB undoes the statement, the transaction goes on) and
// the chunk, and the rest of the call, take the read-and-upsert way.

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

async function readStored(
  manager: EntityManager,
  rows: UsageRow[],
  mysql: boolean,
): Promise<Map<string, StoredUsage>> {
  const keys: unknown[] = [];
  for (const row of rows) keys.push(row.sourceId, row.licenseType, row.day);
  // Both seek the primary key once per tuple (MariaDB: a range on PRIMARY).
  const tuples = new Array<string>(rows.length).fill('(?,?,?)').join(',');
  const existing: StoredUsage[] = await manager.query(
    `SELECT ${COLUMNS.join(', ')} FROM license_usage
     WHERE (${KEY_COLUMNS.join(', ')}) IN (${mysql ? tuples : `VALUES ${tuples}`})${mysql ? ' FOR UPDATE' : ''}`,
    keys,
  );
  const stored = new Map<string, StoredUsage>();
  for (const row of existing) {
    stored.set(
      usageKey({ sourceId: row.source_id, licenseType: row.license_type, day: row.day }),
      row,
    );
  }
  return stored;
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

function asRolledUp(stored: StoredUsage) {
  return {
    sourceId: stored.source_id,
    licenseType: stored.license_type,
    day: stored.day,
    consumed: Number(stored.consumed),
    customerId: stored.customer_id,
    partnerId: stored.partner_id,
    subscriptionId: stored.subscription_id,
    region: stored.region,
  };
}

/** Per call: whether MySQL still tries a plain INSERT first (until one meets a stored key). */
interface WriteState {
  tryInsertFirst: boolean;
}

function isDuplicateKey(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number; code?: string } }).driverError;
  return driverError?.errno === 1062 || driverError?.code === 'ER_DUP_ENTRY';
}

function rowValues(rows: UsageRow[]): unknown[] {
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
  return values;
}

const insertSql = (rowCount: number, conflict: string) =>
  `INSERT INTO license_usage (${COLUMNS.join(',')})
   VALUES ${new Array<string>(rowCount).fill(ROW_PLACEHOLDERS).join(',')} ${conflict}`;

/** True when every row was new and is now stored; false (nothing stored) when a key existed. */
async function insertAllNew(
  manager: EntityManager,
  rows: UsageRow[],
  rollups: RollupChanges,
): Promise<boolean> {
  try {
    await manager.query(insertSql(rows.length, ''), rowValues(rows));
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
  for (const row of rows) rollups.add(undefined, row);
  return true;
}

async function upsertChunk(
  manager: EntityManager,
  rows: UsageRow[],
  rollups: RollupChanges,
  state: WriteState,
): Promise<UsageWriteCounts> {
  const mysql = isMysql(manager.connection);
  if (mysql && state.tryInsertFirst) {
    if (await insertAllNew(manager, rows, rollups)) {
      return { inserted: rows.length, updated: 0, unchanged: 0 };
    }
    state.tryInsertFirst = false;
  }
  const stored = await readStored(manager, rows, mysql);
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
    rollups.add(before && asRolledUp(before), row);
    toWrite.push(row);
  }
  if (toWrite.length > 0) {
    await manager.query(
      insertSql(toWrite.length, mysql ? MYSQL_CONFLICT : SQLITE_CONFLICT),
      rowValues(toWrite),
    );
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
 * exactly this. The keys of `rows` must be distinct (callers reject duplicates first). Must run
 * inside a transaction: the rows, their rollups and the counts are only right all together.
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
  const rollups = new RollupChanges();
  const state: WriteState = { tryInsertFirst: true };
  for (let start = 0; start < rows.length; start += USAGE_CHUNK_SIZE) {
    const chunk = await upsertChunk(
      manager,
      rows.slice(start, start + USAGE_CHUNK_SIZE),
      rollups,
      state,
    );
    counts.inserted += chunk.inserted;
    counts.updated += chunk.updated;
    counts.unchanged += chunk.unchanged;
  }
  await applyRollupChanges(manager, rollups);
  if (counts.inserted + counts.updated > 0) await touchSources(manager, rows, reportedAt);
  return counts;
}
