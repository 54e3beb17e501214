import type { EntityManager } from 'typeorm';
import { usageKey } from '../usage-row';
import type { UsageRow } from '../usage-row';
import type { StoredUsage } from './stored-usage';
import { COPIED_COLUMNS, insertSql, rowValues } from './stored-usage';

// MySQL: one INSERT … ON DUPLICATE KEY UPDATE per chunk that also hands back what every existing
// key held before, so that nothing has to be read first. (Reading the keys first cost nearly as
// much again as the upsert itself on an update-heavy import, which then missed its speed goal.)
//
// While it updates a row, the statement appends the row's key, its old count and, where they
// differ from the new ones, its old copied columns (a source that moved) to a session variable,
// which the next statement reads. The old values come from the very row the upsert has locked,
// so no concurrent writer can slip in between. The record is short because the variable is
// copied whole at every append.
//
// Assigning a user variable inside an expression is deprecated in MySQL 8 but still supported,
// and supported by MariaDB; nothing else in one statement returns a row's value from before an
// upsert.

const SAME_COPIES = COPIED_COLUMNS.map((c) => `${c} <=> VALUES(${c})`).join(' AND ');
const OLD_RECORD = `JSON_ARRAY(source_id, license_type, day, consumed,
  IF(${SAME_COPIES}, NULL, JSON_ARRAY(${COPIED_COLUMNS.join(', ')})))`;
// `consumed` is assigned first: the columns it reads are still the old row's.
const CONFLICT = `ON DUPLICATE KEY UPDATE
  consumed = IF((@lg_old := CONCAT_WS(',', @lg_old, ${OLD_RECORD})) IS NULL, consumed, VALUES(consumed)),
  ${COPIED_COLUMNS.map((c) => `${c} = VALUES(${c})`).join(', ')}`;

type Copies = [string, string, string, string, string];
type OldRecord = [string, StoredUsage['license_type'], string, number, Copies | null];

/** Upserts the rows; returns what the keys that already existed held before. */
export async function upsertMysql(
  manager: EntityManager,
  rows: readonly UsageRow[],
): Promise<Map<string, StoredUsage>> {
  await manager.query('SET @lg_old = NULL');
  await manager.query(insertSql(rows.length, CONFLICT), rowValues(rows));
  const [{ old }] = (await manager.query('SELECT @lg_old AS old')) as Array<{
    old: string | Buffer | null;
  }>;
  const stored = new Map<string, StoredUsage>();
  if (old === null) return stored;
  const written = new Map<string, UsageRow>();
  for (const row of rows) written.set(usageKey(row), row);
  for (const [sourceId, licenseType, day, consumed, copies] of JSON.parse(
    `[${old.toString()}]`,
  ) as OldRecord[]) {
    const key = usageKey({ sourceId, licenseType, day });
    const row = written.get(key)!;
    const [sourceType, customerId, partnerId, subscriptionId, region] = copies ?? [
      row.sourceType,
      row.customerId,
      row.partnerId,
      row.subscriptionId,
      row.region,
    ];
    stored.set(key, {
      source_id: sourceId,
      license_type: licenseType,
      day,
      consumed: Number(consumed),
      source_type: sourceType,
      customer_id: customerId,
      partner_id: partnerId,
      subscription_id: subscriptionId,
      region,
    });
  }
  return stored;
}
