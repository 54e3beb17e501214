import { LICENSE_TYPES } from '../enums';
import { enumOrderSql } from '../sql/enum-order';

/**
 * An ORDER BY expression that sorts a license type column as the contract's enum is ordered.
 * MySQL sorts its ENUM columns that way by itself, SQLite stores text and would sort by name; a
 * CASE sorts the same on both, also for values that come out of a UNION or a derived table.
 */
export function licenseTypeOrderSql(column: string): string {
  return enumOrderSql(column, LICENSE_TYPES);
}
