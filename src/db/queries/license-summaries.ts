import type { DataSource } from 'typeorm';
import type { LicenseType } from '../enums';
import { scopeCondition } from '../sql/scope-condition';
import { inList } from '../sql/placeholders';
import type { Grant } from '../sql/scope-condition';
import { entitlementsInForceSql, latestSnapshotsSql } from './latest-snapshots';
import { licenseTypeOrderSql } from './license-type-order';

/** Whose licenses are summed: a subscription's, all of a customer's, all of a partner's. */
export type SummaryLevel = 'subscription' | 'customer' | 'partner';

const OWNER_COLUMN: Record<SummaryLevel, string> = {
  subscription: 'subscription_id',
  customer: 'customer_id',
  partner: 'partner_id',
};

export interface LicenseSummaryQuery {
  level: SummaryLevel;
  ownerIds: readonly string[];
  grant: Grant;
  asOf: string;
}

export interface LicenseSummaryRow {
  ownerId: string;
  licenseType: LicenseType;
  purchased: number;
  consumed: number;
  /** purchased - consumed, negative when over the limit. */
  available: number;
  /** consumed / purchased; null when nothing is purchased (never NaN or Infinity). */
  utilization: number | null;
  /** The oldest snapshot day that went into consumed; null when nothing was reported. */
  oldestReportOn: string | null;
}

interface RawSummary {
  owner_id: string;
  license_type: LicenseType;
  purchased: number | string;
  consumed: number | string;
  oldest_report_on: string | null;
}

/**
 * Purchased and consumed per owner and license type on `asOf`, for many owners in one statement:
 * the entitlements in force and each source's latest snapshot are stacked (UNION ALL) and summed
 * per owner and type, so that a type only purchased or only reported still gets its row: every
 * type with an entitlement in force or a snapshot on or before `asOf` (even a snapshot of 0) is
 * listed. Rows are ordered by owner, then license type in the contract's order.
 */
export async function licenseSummaries(
  ds: DataSource,
  query: LicenseSummaryQuery,
): Promise<LicenseSummaryRow[]> {
  const owner = OWNER_COLUMN[query.level];
  const scope = scopeCondition(query.grant, { customerId: 'customer_id', partnerId: 'partner_id' });
  const where = {
    sql: `${owner} IN ${inList(query.ownerIds)} AND ${scope.sql}`,
    params: [...query.ownerIds, ...scope.params],
  };
  const consumed = latestSnapshotsSql(where, query.asOf);
  const purchased = entitlementsInForceSql(where, query.asOf);
  const rows: RawSummary[] = await ds.query(
    `SELECT owner_id, license_type, SUM(purchased) AS purchased, SUM(consumed) AS consumed,
            MIN(reported_on) AS oldest_report_on
     FROM (SELECT ${owner} AS owner_id, license_type, 0 AS purchased, consumed, day AS reported_on
           FROM (${consumed.sql}) snapshot
           UNION ALL
           SELECT ${owner}, license_type, quantity, 0, NULL
           FROM (${purchased.sql}) entitlement) stacked
     GROUP BY owner_id, license_type
     ORDER BY owner_id, ${licenseTypeOrderSql('license_type')}`,
    [...consumed.params, ...purchased.params],
  );
  // SUM comes back as a string from MySQL (DECIMAL).
  return rows.map((row) => {
    const purchased = Number(row.purchased);
    const consumed = Number(row.consumed);
    return {
      ownerId: row.owner_id,
      licenseType: row.license_type,
      purchased,
      consumed,
      available: purchased - consumed,
      utilization: purchased > 0 ? consumed / purchased : null,
      oldestReportOn: row.oldest_report_on,
    };
  });
}
