import type { EntityManager } from 'typeorm';
import { LicenseType, SourceType } from '../enums';
import { lastOfBuckets } from '../rollups/staged-rollups';
import { insertRows } from '../sql/bulk';
import { loadLocalData, localInfileRefused, tsvField } from './local-infile';
import { COLUMNS, UPDATED_COLUMNS, rowValues } from './stored-usage';
import type { UsageRow, UsageWriteCounts } from './usage-row';

// MySQL: a call's rows go first into a staging table of the transaction's connection, streamed
// in with LOAD DATA LOCAL INFILE (multi-row INSERTs where the server refuses that), then into
// license_usage with one INSERT … SELECT … ON DUPLICATE KEY UPDATE, and the rollups are brought
// up to date from the staging table in a few set-based statements (rollups/staged-rollups.ts).
// LOAD DATA is the fastest way into a table; the merge then runs inside the server, in the
// staging table's key order, which is license_usage's: each page of it is visited once.
//
// The staging table is TEMPORARY: only this connection sees it, it takes no part in the
// partitioning or the keys of license_usage (it names the columns, never copies the table), and
// it goes with the connection if the process dies. It is dropped when the call ends, whether
// the call succeeded or not, so a pooled connection never keeps it for its next user.
//
// Counts: the merge is one statement, and the server counts for it, under its row locks, as
// for a multi-row upsert (CLIENT_FOUND_ROWS off, db/data-source.ts): 1 affected row per insert,
// 2 per changed row, 0 per row set to what it held; "Records: n  Duplicates: d" gives d changed.

export const STAGING_TABLE = 'usage_staging';

const enumOf = (values: object) =>
  `enum (${Object.values(values)
    .map((v) => `'${String(v)}'`)
    .join(', ')})`;

// The types of license_usage's columns (no character set: both take the database's default, so
// that the two compare without conversion), and `last_of`: whether the row is the latest of its
// week (1) and month (2) among the staged rows (rollups/staged-rollups.ts). Its key is
// license_usage's natural key, which also refuses a repeated key, and orders the merge.
const CREATE = `CREATE TEMPORARY TABLE ${STAGING_TABLE} (
  source_id varchar(64) NOT NULL, license_type ${enumOf(LicenseType)} NOT NULL,
  day date NOT NULL, consumed int NOT NULL, source_type ${enumOf(SourceType)} NOT NULL,
  customer_id varchar(64) NOT NULL, partner_id varchar(64) NOT NULL,
  subscription_id varchar(64) NOT NULL, region varchar(32) NOT NULL, last_of tinyint NOT NULL,
  PRIMARY KEY (source_id, license_type, day)
) ENGINE=InnoDB`;

const STAGED_COLUMNS = [...COLUMNS, 'last_of'];

const LOAD = `LOAD DATA LOCAL INFILE 'usage-rows.tsv' INTO TABLE ${STAGING_TABLE}
  CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n'
  (${STAGED_COLUMNS.join(', ')})`;

// Joined to usage_sources: license_usage has no foreign key on MySQL (it is partitioned), so a
// row of a source that does not exist (anymore) is left out here, and the count tells.
const MERGE = `INSERT INTO license_usage (${COLUMNS.join(', ')})
  SELECT ${COLUMNS.map((c) => `s.${c}`).join(', ')}
  FROM ${STAGING_TABLE} s JOIN usage_sources src ON src.id = s.source_id
  ON DUPLICATE KEY UPDATE ${UPDATED_COLUMNS.map((c) => `${c} = VALUES(${c})`).join(', ')}`;

/** Rows per piece of the LOAD DATA stream: about 100 KB, each made as it is sent. */
const TSV_PIECE_ROWS = 1000;

function* asTsv(rows: readonly UsageRow[], lastOf: Uint8Array): Generator<string> {
  for (let start = 0; start < rows.length; start += TSV_PIECE_ROWS) {
    let piece = '';
    for (let i = start; i < Math.min(rows.length, start + TSV_PIECE_ROWS); i++) {
      const r = rows[i];
      piece +=
        `${tsvField(r.sourceId)}\t${r.licenseType}\t${r.day}\t${r.consumed}\t${r.sourceType}\t` +
        `${tsvField(r.customerId)}\t${tsvField(r.partnerId)}\t${tsvField(r.subscriptionId)}\t` +
        `${tsvField(r.region)}\t${lastOf[i]}\n`;
    }
    yield piece;
  }
}

/** Which row of the call a LOAD DATA warning ("… at row N", counted from 1) is about. */
async function refusedRow(manager: EntityManager, rows: readonly UsageRow[]): Promise<string> {
  const warnings: Array<{ Message: string }> = await manager.query('SHOW WARNINGS LIMIT 1');
  const message = warnings[0]?.Message ?? 'no reason given';
  const at = /at row (\d+)/.exec(message);
  const row = at ? rows[Number(at[1]) - 1] : undefined;
  const which = row ? `${row.sourceId} ${row.licenseType} ${row.day}` : 'a row';
  return `usage ${which}: refused by the database (${message.replace(/ at row \d+$/, '')})`;
}

async function fill(manager: EntityManager, rows: readonly UsageRow[]): Promise<void> {
  const lastOf = lastOfBuckets(rows);
  if (!localInfileRefused(manager.connection)) {
    const loaded = await loadLocalData(manager, LOAD, () => asTsv(rows, lastOf));
    if (loaded !== null) {
      // LOCAL makes the server skip a repeated key and store a bad value as a warning, never an
      // error (it cannot stop the client's stream): any of that fails the call instead.
      if (Number(loaded.affectedRows) !== rows.length || Number(loaded.warningStatus) > 0) {
        throw new Error(await refusedRow(manager, rows));
      }
      return;
    }
  }
  const values = rowValues(rows);
  const tuples: unknown[][] = [];
  for (let i = 0; i < rows.length; i++) {
    tuples.push([...values.slice(i * COLUMNS.length, (i + 1) * COLUMNS.length), lastOf[i]]);
  }
  await insertRows(manager, STAGING_TABLE, STAGED_COLUMNS, tuples);
}

/** A staged row whose source does not exist, named for the error; null when there is none. */
async function unknownSource(manager: EntityManager): Promise<string | null> {
  const missing: Array<{ source_id: string }> = await manager.query(
    `SELECT s.source_id FROM ${STAGING_TABLE} s LEFT JOIN usage_sources src ON src.id = s.source_id
     WHERE src.id IS NULL LIMIT 1`,
  );
  return missing[0]?.source_id ?? null;
}

async function merge(manager: EntityManager, rows: number): Promise<UsageWriteCounts> {
  const result = (await manager.query(MERGE)) as { affectedRows?: number; info?: string };
  const records = Number(/Records:\s*(\d+)/.exec(result.info ?? '')?.[1]);
  if (records < rows) {
    const source = await unknownSource(manager);
    if (source !== null) throw new Error(`usage of ${source}: no such source`);
  }
  return mergeCounts(rows, records, result);
}

function mergeCounts(
  rows: number,
  records: number,
  result: { affectedRows?: number; info?: string },
) {
  const affected = Number(result.affectedRows);
  const info = result.info ?? '';
  const updated = Number(/Duplicates:\s*(\d+)/.exec(info)?.[1]);
  const inserted = affected - 2 * updated;
  const counts: UsageWriteCounts = { inserted, updated, unchanged: rows - inserted - updated };
  if (records !== rows || !Number.isInteger(inserted) || inserted < 0 || counts.unchanged < 0) {
    // Never guess: a server that reports otherwise must not produce wrong counts silently.
    throw new Error(
      `usage writer: the database reported ${affected} affected rows and "${info}" for ${rows} rows`,
    );
  }
  return counts;
}

async function createStagingTable(manager: EntityManager): Promise<void> {
  try {
    await manager.query(CREATE);
  } catch (error) {
    // A connection that could not drop it after its last write still holds one: it goes now.
    if ((error as { driverError?: { errno?: number } }).driverError?.errno !== 1050) throw error;
    await manager.query(`DROP TEMPORARY TABLE ${STAGING_TABLE}`);
    await manager.query(CREATE);
  }
}

/**
 * Stages `rows` (distinct keys), merges them into license_usage and hands the staging table to
 * `andThen` (the rollups), then drops it. Must run inside a transaction.
 */
export async function mergeThroughStaging<T>(
  manager: EntityManager,
  rows: readonly UsageRow[],
  andThen: (counts: UsageWriteCounts) => Promise<T>,
): Promise<{ counts: UsageWriteCounts; then: T }> {
  await createStagingTable(manager);
  try {
    await fill(manager, rows);
    const counts = await merge(manager, rows.length);
    return { counts, then: await andThen(counts) };
  } finally {
    // On a lost connection this fails too, and the table went with the connection: the error
    // that matters is the one before.
    await manager.query(`DROP TEMPORARY TABLE IF EXISTS ${STAGING_TABLE}`).catch(() => undefined);
  }
}
