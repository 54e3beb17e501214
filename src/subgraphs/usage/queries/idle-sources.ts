import type { DataSource } from 'typeorm';
import { dateTimeValue } from '../../../db/date-time-value';
import type { LicenseType, SourceType } from '../../../db/enums';
import { sourceLicensePairsSql } from '../../../db/queries/latest-snapshots';
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
 * per customer and type, for the sources matching `where` (a condition on the source's
 * customer_id / partner_id, unqualified): their rows of the window read along the primary key.
 */
export async function idleSources(
  ds: DataSource,
  where: SqlCondition,
  from: string,
  to: string,
): Promise<IdleSourceRow[]> {
  const pairs = sourceLicensePairsSql(where);
  const rows: Array<{
    customer_id: string;
    license_type: LicenseType;
    source_id: string;
    source_type: SourceType;
    last_reported_at: Date | string | null;
  }> = await ds.query(
    `SELECT idle.customer_id, idle.license_type, idle.source_id, us.source_type,
            us.last_reported_at
     FROM (SELECT pair.customer_id, pair.license_type, pair.source_id
           FROM (${pairs.sql}) pair
           JOIN license_usage lu
             ON lu.source_id = pair.source_id AND lu.license_type = pair.license_type
            AND lu.day >= ? AND lu.day <= ?
           GROUP BY pair.customer_id, pair.license_type, pair.source_id
           HAVING MAX(lu.consumed) = 0) idle
     JOIN usage_sources us ON us.id = idle.source_id
     ORDER BY idle.customer_id, idle.source_id`,
    [...pairs.params, from, to],
  );
  return rows.map((row) => ({
    customerId: row.customer_id,
    licenseType: row.license_type,
    sourceId: row.source_id,
    sourceType: row.source_type,
    lastReportedAt: dateTimeValue(row.last_reported_at),
  }));
}
