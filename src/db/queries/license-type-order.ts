import { LICENSE_TYPES } from '../enums';

/**
 * An ORDER BY expression that sorts a license type column as the contract's enum is ordered.
 * MySQL sorts its ENUM columns that way by itself, SQLite stores text and would sort by name; a
 * CASE sorts the same on both, also for values that come out of a UNION or a derived table.
 */
export function licenseTypeOrderSql(column: string): string {
  const cases = LICENSE_TYPES.map((type, index) => `WHEN '${type}' THEN ${index}`).join(' ');
  return `CASE ${column} ${cases} END`;
}
