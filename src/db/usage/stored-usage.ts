import type { RolledUpRow } from '../rollups/rollup-changes';
import { placeholders } from '../sql/placeholders';
import type { UsageRow } from './usage-row';

// The columns of license_usage as both upserts write them, and a stored row as they read it back.

export const KEY_COLUMNS = ['source_id', 'license_type', 'day'] as const;
/** Copied from the source: rewritten with the count, so that a row follows its source. */
export const COPIED_COLUMNS = [
  'source_type',
  'customer_id',
  'partner_id',
  'subscription_id',
  'region',
] as const;
export const COLUMNS = [...KEY_COLUMNS, 'consumed', ...COPIED_COLUMNS];
export const UPDATED_COLUMNS = ['consumed', ...COPIED_COLUMNS];

export interface StoredUsage {
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

export function rowValues(rows: readonly UsageRow[]): unknown[] {
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

/** `INSERT INTO license_usage (…) VALUES (…),… <conflict>` for `rowCount` rows. */
export function insertSql(rowCount: number, conflict: string): string {
  const tuple = `(${placeholders(COLUMNS.length)})`;
  return `INSERT INTO license_usage (${COLUMNS.join(',')})
    VALUES ${new Array<string>(rowCount).fill(tuple).join(',')} ${conflict}`;
}

export function sameRow(stored: StoredUsage, row: UsageRow): boolean {
  return (
    Number(stored.consumed) === row.consumed &&
    stored.source_type === row.sourceType &&
    stored.customer_id === row.customerId &&
    stored.partner_id === row.partnerId &&
    stored.subscription_id === row.subscriptionId &&
    stored.region === row.region
  );
}

export function asRolledUp(stored: StoredUsage): RolledUpRow {
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
