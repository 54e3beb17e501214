import type { EntityManager } from 'typeorm';
import type { UsageRow, UsageWriteCounts } from './usage-row';
import { UPDATED_COLUMNS, insertSql, rowValues } from './stored-usage';

// MySQL: one INSERT … ON DUPLICATE KEY UPDATE per chunk, and the server's own counts of what it
// did. With CLIENT_FOUND_ROWS off (db/data-source.ts) it reports 1 affected row per insert, 2 per
// changed row and 0 per row set to what it held, and its info string "Records: n  Duplicates: d"
// counts the changed rows. The counts are the statement's own, taken under its row locks, so
// concurrent writers of the same keys count consistently.
//
// Which rows were updated, and what they held before, stays unknown: learning that (reading
// first, or handing old values back through a session variable) cost as much again as the upsert
// on an update-heavy import. The rollups do without it (db/rollups/usage-daily-stale.entity.ts).

const CONFLICT = `ON DUPLICATE KEY UPDATE ${UPDATED_COLUMNS.map((c) => `${c} = VALUES(${c})`).join(', ')}`;

export async function upsertMysql(
  manager: EntityManager,
  rows: readonly UsageRow[],
): Promise<UsageWriteCounts> {
  const result = (await manager.query(insertSql(rows.length, CONFLICT), rowValues(rows))) as {
    affectedRows?: number;
    info?: string;
  };
  const affected = Number(result.affectedRows);
  // A one-row statement has no info string; its affected rows say it all.
  const updated =
    rows.length === 1
      ? affected === 2
        ? 1
        : 0
      : Number(/Duplicates:\s*(\d+)/.exec(result.info ?? '')?.[1]);
  const inserted = affected - 2 * updated;
  const counts = { inserted, updated, unchanged: rows.length - inserted - updated };
  if (!Number.isInteger(inserted) || inserted < 0 || counts.unchanged < 0) {
    // Never guess: a server that reports otherwise must not produce wrong counts silently.
    throw new Error(
      `usage writer: the database reported ${affected} affected rows and "${result.info}" for ${rows.length} rows`,
    );
  }
  return counts;
}
