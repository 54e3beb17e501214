import type { DataSource } from 'typeorm';
import { dateTimeValue } from '../../../db/date-time-value';
import type { LicenseType, SourceType } from '../../../db/enums';
import type { SqlCondition } from '../../../db/sql/scope-condition';

export interface IdleSourceRow {
  customerId: string;
  licenseType: LicenseType;
  sourceId: string;
  sourceType: SourceType;
  lastReportedAt: Date | null;
}

/**
 * The sources that reported a license type on some day of [from, to] and only 0 on each of them,
 * per customer and type, for the usage rows matching `where` (a condition on license_usage's
 * customer_id / partner_id, unqualified): one range read of the customers' rows in the window.
 */
export async function idleSources(
  ds: DataSource,
  where: SqlCondition,
  from: string,
  to: string,
): Promise<IdleSourceRow[]> {
  const rows: Array<{
    customer_id: string;
    license_type: LicenseType;
    source_id: string;
    source_type: SourceType;
    last_reported_at: Date | string | null;
  }> = await ds.query(
    `SELECT idle.customer_id, idle.license_type, idle.source_id, us.source_type,
            us.last_reported_at
     FROM (SELECT customer_id, license_type, source_id FROM license_usage
           WHERE ${where.sql} AND day >= ? AND day <= ?
           GROUP BY customer_id, license_type, source_id
           HAVING MAX(consumed) = 0) idle
     JOIN usage_sources us ON us.id = idle.source_id
     ORDER BY idle.customer_id, idle.source_id`,
    [...where.params, from, to],
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    licenseType: row.license_type,
    sourceId: row.source_id,
    sourceType: row.source_type,
    lastReportedAt: dateTimeValue(row.last_reported_at),
  }));
}
