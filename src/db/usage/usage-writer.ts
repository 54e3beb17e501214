import type { EntityManager } from 'typeorm';
import { isMysql } from '../dialect';
import { RollupChanges } from '../rollups/rollup-changes';
import { rollUpStaged } from '../rollups/staged-rollups';
import { applyRollupChanges } from '../rollups/write-rollups';
import { IN_LIST_CHUNK, dateTimeParameter } from '../sql/bulk';
import { placeholders } from '../sql/placeholders';
import { asRolledUp, sameRow } from './stored-usage';
import { STAGING_TABLE, mergeThroughStaging } from './staging-mysql';
import { readStoredSqlite, writeSqlite } from './upsert-sqlite';
import { usageKey } from './usage-row';
import type { UsageRow, UsageWriteCounts } from './usage-row';

// The one write path for daily usage: the importer, the seeder and the ingestUsage mutation all
// come through here. On MySQL a call's rows are staged and merged set-based
// (staging-mysql.ts), the server counting what the merge did, and the rollups follow from the
// staging table (rollups/staged-rollups.ts). On SQLite, a chunk of rows at a time, what the
// chunk's keys held is read first (upsert-sqlite.ts), which gives the counts and each row's exact
// difference to the rollups, written once per call.

export const USAGE_CHUNK_SIZE = 1000;

async function upsertChunkSqlite(
  manager: EntityManager,
  rows: UsageRow[],
  rollups: RollupChanges,
): Promise<UsageWriteCounts> {
  const stored = await readStoredSqlite(manager, rows);
  const counts: UsageWriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const changed: UsageRow[] = [];
  for (const row of rows) {
    const before = stored.get(usageKey(row));
    if (before === undefined) counts.inserted++;
    else if (!sameRow(before, row)) counts.updated++;
    else {
      counts.unchanged++;
      continue;
    }
    rollups.add(before && asRolledUp(before), row);
    changed.push(row);
  }
  await writeSqlite(manager, changed);
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
 * inside a transaction: the rows and their rollups are only right all together.
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
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('upsertUsageRows must run inside a transaction');
  }
  if (isMysql(manager.connection)) {
    const merged = await mergeThroughStaging(manager, rows, (written) =>
      rollUpStaged(manager, STAGING_TABLE, rows, written),
    );
    const { inserted, updated } = merged.counts;
    if (inserted + updated > 0) await touchSources(manager, rows, reportedAt);
    return merged.counts;
  }
  const rollups = new RollupChanges();
  for (let start = 0; start < rows.length; start += USAGE_CHUNK_SIZE) {
    const chunk = await upsertChunkSqlite(
      manager,
      rows.slice(start, start + USAGE_CHUNK_SIZE),
      rollups,
    );
    counts.inserted += chunk.inserted;
    counts.updated += chunk.updated;
    counts.unchanged += chunk.unchanged;
  }
  await applyRollupChanges(manager, rollups);
  if (counts.inserted + counts.updated > 0) await touchSources(manager, rows, reportedAt);
  return counts;
}
