import type { EntityManager } from 'typeorm';
import { usageKey } from './usage-row';
import type { UsageRow } from './usage-row';
import type { StoredUsage } from './stored-usage';
import { COLUMNS, KEY_COLUMNS, UPDATED_COLUMNS, insertSql, rowValues } from './stored-usage';

// SQLite: what the chunk's keys hold is read first (in process, one seek of the primary key per
// tuple of a VALUES list), then only new or changed rows are written. SQLite runs one write
// transaction at a time, so nothing changes between the two.

const CONFLICT = `ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET ${UPDATED_COLUMNS.map(
  (c) => `${c} = excluded.${c}`,
).join(', ')}`;

export async function readStoredSqlite(
  manager: EntityManager,
  rows: readonly UsageRow[],
): Promise<Map<string, StoredUsage>> {
  const keys: unknown[] = [];
  for (const row of rows) keys.push(row.sourceId, row.licenseType, row.day);
  const existing: StoredUsage[] = await manager.query(
    `SELECT ${COLUMNS.join(', ')} FROM license_usage
     WHERE (${KEY_COLUMNS.join(', ')}) IN (VALUES ${new Array<string>(rows.length).fill('(?,?,?)').join(',')})`,
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

export async function writeSqlite(manager: EntityManager, rows: readonly UsageRow[]) {
  if (rows.length > 0) await manager.query(insertSql(rows.length, CONFLICT), rowValues(rows));
}
