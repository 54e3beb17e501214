import type { LicenseType } from '../../../db/enums';
import { latestSnapshotsSql } from '../../../db/queries/latest-snapshots';
import { licenseTypeOrderSql } from '../../../db/queries/license-type-order';
import { scopeCondition } from '../../../db/sql/scope-condition';
import { inList } from '../../../db/sql/placeholders';
import { groupedLoader } from '../../../graphql/by-id-loader';
import { viewerOf } from '../../../graphql/viewer-of';
import type { UsageSnapshot } from '../types/usage-snapshot.type';
import { perArguments } from '../../../graphql/per-arguments';

interface SnapshotRecord {
  source_id: string;
  license_type: LicenseType;
  day: string;
  consumed: number;
}

/** Per source, the latest snapshot of each license type on or before `asOf`. */
export const currentUsageLoader = perArguments((ctx, args: { asOf: string }) =>
  groupedLoader<SnapshotRecord>(
    async (sourceIds) => {
      const scope = scopeCondition(viewerOf(ctx).scope.read, {
        customerId: 'customer_id',
        partnerId: 'partner_id',
      });
      const latest = latestSnapshotsSql(
        {
          sql: `source_id IN ${inList(sourceIds)} AND ${scope.sql}`,
          params: [...sourceIds, ...scope.params],
        },
        args.asOf,
      );
      return ctx.ds.query(
        `SELECT source_id, license_type, day, consumed FROM (${latest.sql}) snapshot
         ORDER BY source_id, ${licenseTypeOrderSql('license_type')}`,
        latest.params,
      );
    },
    (row) => row.source_id,
  ),
);

export function toUsageSnapshot(row: SnapshotRecord): UsageSnapshot {
  return { licenseType: row.license_type, consumed: Number(row.consumed), reportedOn: row.day };
}
