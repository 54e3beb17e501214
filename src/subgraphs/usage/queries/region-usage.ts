import type { DataSource } from 'typeorm';
import type { LicenseType } from '../../../db/enums';
import { latestSnapshotsSql } from '../../../db/queries/latest-snapshots';
import { licenseTypeOrderSql } from '../../../db/queries/license-type-order';
import { scopeCondition } from '../../../db/sql/scope-condition';
import { inList } from '../../../db/sql/placeholders';
import type { Grant } from '../../../db/sql/scope-condition';

export interface RegionUsageQuery {
  /** Whose customers: the customers themselves, or every customer of the partners. */
  level: 'customer' | 'partner';
  ownerIds: readonly string[];
  grant: Grant;
  asOf: string;
  /** Sorted and distinct, or null for every license type. */
  licenseTypes: readonly LicenseType[] | null;
}

export interface RegionUsageRow {
  ownerId: string;
  customerId: string;
  region: string;
  licenseType: LicenseType;
  consumed: number;
  sources: number;
  idleSources: number;
  shareOfCustomer: number | null;
  oldestReportOn: string;
}

interface RawRegionUsage {
  owner_id: string;
  customer_id: string;
  region: string;
  license_type: LicenseType;
  consumed: number | string;
  sources: number | string;
  idle_sources: number | string;
  customer_consumed: number | string;
  oldest_report_on: string;
}

/**
 * Per customer, region and license type on `asOf`: each source's latest snapshot summed, the
 * sources counted (those that reported the type) and the idle ones among them, and the customer's
 * total of the type beside it (a window over the groups) for the share. One statement for any
 * number of owners. Ordered by owner, customer, region, then license type in the contract's order.
 */
export async function regionUsageRows(
  ds: DataSource,
  query: RegionUsageQuery,
): Promise<RegionUsageRow[]> {
  const owner = query.level === 'customer' ? 'customer_id' : 'partner_id';
  const scope = scopeCondition(query.grant, { customerId: 'customer_id', partnerId: 'partner_id' });
  const types = query.licenseTypes ? ` AND license_type IN ${inList(query.licenseTypes)}` : '';
  const latest = latestSnapshotsSql(
    {
      sql: `${owner} IN ${inList(query.ownerIds)} AND ${scope.sql}${types}`,
      params: [...query.ownerIds, ...scope.params, ...(query.licenseTypes ?? [])],
    },
    query.asOf,
  );
  const rows: RawRegionUsage[] = await ds.query(
    `SELECT ${owner} AS owner_id, customer_id, region, license_type,
            SUM(consumed) AS consumed, COUNT(*) AS sources,
            SUM(CASE WHEN consumed = 0 THEN 1 ELSE 0 END) AS idle_sources,
            SUM(SUM(consumed)) OVER (PARTITION BY customer_id, license_type) AS customer_consumed,
            MIN(day) AS oldest_report_on
     FROM (${latest.sql}) snapshot
     GROUP BY ${owner}, customer_id, region, license_type
     ORDER BY owner_id, customer_id, region, ${licenseTypeOrderSql('license_type')}`,
    latest.params,
  );
  // SUM and COUNT come back as strings from MySQL (DECIMAL, BIGINT).
  return rows.map((row) => {
    const total = Number(row.customer_consumed);
    return {
      ownerId: row.owner_id,
      customerId: row.customer_id,
      region: row.region,
      licenseType: row.license_type,
      consumed: Number(row.consumed),
      sources: Number(row.sources),
      idleSources: Number(row.idle_sources),
      shareOfCustomer: total > 0 ? Number(row.consumed) / total : null,
      oldestReportOn: row.oldest_report_on,
    };
  });
}
