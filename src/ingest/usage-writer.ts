import type { EntityManager } from 'typeorm';
import { isMysql } from '../db/data-source';
import { usageKey } from './usage-row';
import type { UsageRow, UsageWriteCounts } from './usage-row';

// The one write path for daily usage: the importer, the seeder and the ingestUsage mutation all
// come through here. Each chunk costs two statements whatever its size: one read of the existing
// values (locked on MySQL, so that concurrent writers of the same keys count consistently), and
// one multi-row upsert of the rows that are new or changed.

export const USAGE_CHUNK_SIZE = 2000;

const COLUMNS = [
  'source_id',
  'license_type',
  'day',
  'consumed',
  'source_type',
  'customer_id',
  'partner_id',
  'subscription_id',
  'region',
] as const;

function rowValues(row: UsageRow): unknown[] {
  return [
    row.sourceId,
    row.licenseType,
    row.day,
    row.consumed,
    row.sourceType,
    row.customerId,
    row.partnerId,
    row.subscriptionId,
    row.region,
  ];
}

const distinct = <T>(values: T[]): T[] => [...new Set(values)];

async function readExisting(
  manager: EntityManager,
  rows: UsageRow[],
  mysql: boolean,
): Promise<Map<string, number>> {
  const sourceIds = distinct(rows.map((r) => r.sourceId));
  const types = distinct(rows.map((r) => r.licenseType));
  let min = rows[0].day;
  let max = rows[0].day;
  for (const row of rows) {
    if (row.day < min) min = row.day;
    if (row.day > max) max = row.day;
  }
  // A bounding box on the primary key: one range read, then matched exactly below.
  const existing: Array<{
    source_id: string;
    license_type: string;
    day: string;
    consumed: number;
  }> = await manager.query(
    `SELECT source_id, license_type, day, consumed FROM license_usage
       WHERE source_id IN (${sourceIds.map(() => '?').join(',')})
         AND license_type IN (${types.map(() => '?').join(',')})
         AND day BETWEEN ? AND ?${mysql ? ' FOR UPDATE' : ''}`,
    [...sourceIds, ...types, min, max],
  );
  const values = new Map<string, number>();
  for (const row of existing) {
    values.set(
      usageKey({
        sourceId: row.source_id,
        licenseType: row.license_type as UsageRow['licenseType'],
        day: row.day,
      }),
      Number(row.consumed),
    );
  }
  return values;
}

async function writeRows(manager: EntityManager, rows: UsageRow[], mysql: boolean): Promise<void> {
  const placeholders = rows.map(() => `(${COLUMNS.map(() => '?').join(',')})`).join(',');
  const conflict = mysql
    ? 'ON DUPLICATE KEY UPDATE consumed = VALUES(consumed)'
    : 'ON CONFLICT (source_id, license_type, day) DO UPDATE SET consumed = excluded.consumed';
  await manager.query(
    `INSERT INTO license_usage (${COLUMNS.join(',')}) VALUES ${placeholders} ${conflict}`,
    rows.flatMap(rowValues),
  );
}

async function touchSources(manager: EntityManager, sourceIds: string[], at: Date): Promise<void> {
  for (let i = 0; i < sourceIds.length; i += USAGE_CHUNK_SIZE) {
    const ids = sourceIds.slice(i, i + USAGE_CHUNK_SIZE);
    await manager.query(
      `UPDATE usage_sources SET last_reported_at = ? WHERE id IN (${ids.map(() => '?').join(',')})`,
      [at, ...ids],
    );
  }
}

/**
 * Upserts usage rows on (source, license type, day) and counts exactly what happened to each.
 * The keys of `rows` must be distinct (callers reject duplicates first). Run it inside a
 * transaction when the rows must be stored all or none. Every source named is marked as having
 * reported at `reportedAt`, changed or not: an unchanged report is still a report.
 */
export async function upsertUsageRows(
  manager: EntityManager,
  rows: UsageRow[],
  reportedAt: Date = new Date(),
): Promise<UsageWriteCounts> {
  const counts: UsageWriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  if (rows.length === 0) return counts;
  const mysql = isMysql(manager.connection);
  for (let start = 0; start < rows.length; start += USAGE_CHUNK_SIZE) {
    const chunk = rows.slice(start, start + USAGE_CHUNK_SIZE);
    const existing = await readExisting(manager, chunk, mysql);
    const toWrite: UsageRow[] = [];
    for (const row of chunk) {
      const before = existing.get(usageKey(row));
      if (before === undefined) counts.inserted++;
      else if (before !== row.consumed) counts.updated++;
      else {
        counts.unchanged++;
        continue;
      }
      toWrite.push(row);
    }
    if (toWrite.length > 0) await writeRows(manager, toWrite, mysql);
  }
  await touchSources(manager, distinct(rows.map((r) => r.sourceId)), reportedAt);
  return counts;
}
