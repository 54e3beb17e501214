import type { LicenseType } from '../../../db/enums';
import { groupedLoader } from '../../../graphql/by-id-loader';
import { perArguments } from '../../../graphql/per-arguments';
import { viewerOf } from '../../../graphql/viewer-of';
import { regionUsageRows } from '../queries/region-usage';
import type { RegionUsageRow } from '../queries/region-usage';

export interface RegionUsageArgs {
  asOf: string;
  /** Sorted and distinct, or null for every license type. */
  licenseTypes: LicenseType[] | null;
}

/** Per customer, its region usage: one statement per distinct arguments. */
export const regionUsageLoader = perArguments((ctx, args: RegionUsageArgs) =>
  groupedLoader<RegionUsageRow>(
    (customerIds) =>
      regionUsageRows(ctx.ds, {
        level: 'customer',
        ownerIds: customerIds,
        grant: viewerOf(ctx).scope.read,
        ...args,
      }),
    (row) => row.ownerId,
  ),
);
