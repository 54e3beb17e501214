import { LICENSE_TYPES } from '../../../db/enums';
import { inList } from '../../../db/sql/placeholders';
import { groupedLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import type { LicenseType } from '../../../graphql/enums';
import { perRequest } from '../../../graphql/per-request';
import { enumOrderSql } from '../../../db/sql/enum-order';
import { readScope } from '../queries/read-scope';
import type { Entitlement } from '../types/entitlement.type';

/**
 * Entitlements of subscriptions, every line, in license type order (the contract's), then by start
 * day, then in the order they were stored.
 */
export const subscriptionEntitlementsLoader = perRequest((ctx: RequestContext) =>
  groupedLoader<Entitlement>(
    async (subscriptionIds) => {
      // entitlements carry no partner_id: the scope is their subscription's.
      const scope = readScope(ctx, 's');
      const rows: Array<{
        subscription_id: string;
        line_id: string | null;
        license_type: LicenseType;
        quantity: number | string;
        start_date: string;
        end_date: string | null;
      }> = await ctx.ds.query(
        `SELECT e.subscription_id, e.line_id, e.license_type, e.quantity, e.start_date, e.end_date
       FROM entitlements e JOIN subscriptions s ON s.id = e.subscription_id
       WHERE e.subscription_id IN ${inList(subscriptionIds)} AND ${scope.sql}
       ORDER BY ${enumOrderSql('e.license_type', LICENSE_TYPES)}, e.start_date, e.id`,
        [...subscriptionIds, ...scope.params],
      );
      return rows.map((row) => ({
        subscriptionId: row.subscription_id,
        line: row.line_id,
        licenseType: row.license_type,
        quantity: Number(row.quantity),
        startDate: row.start_date,
        endDate: row.end_date,
      }));
    },
    (entitlement) => entitlement.subscriptionId,
  ),
);
