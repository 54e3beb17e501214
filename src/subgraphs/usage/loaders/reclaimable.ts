import DataLoader from 'dataloader';
import { reclaimableRows, reclaimableWindow } from '../../../db/queries/reclaimable';
import { MAX_BATCH } from '../../../graphql/by-id-loader';
import { perArguments } from '../../../graphql/per-arguments';
import { viewerOf } from '../../../graphql/viewer-of';
import { idleSources } from '../queries/idle-sources';
import type { ReclaimableLicenses } from '../types/planning/reclaimable-licenses.type';
import { ownersInScope } from '../../../db/sql/scope-condition';

const key = (customerId: string, licenseType: string) => `${customerId}\u0000${licenseType}`;

/**
 * Reclaimable licenses of many customers from three statements (the entitlements in force, the
 * daily totals the peaks come from, the idle sources), whatever the number of customers.
 */
export const reclaimableLoader = perArguments(
  (ctx, args: { asOf: string; windowDays: number }) =>
    new DataLoader<string, ReclaimableLicenses[]>(
      async (customerIds) => {
        const where = ownersInScope('customer_id', customerIds, viewerOf(ctx).scope.read);
        const { from, to } = reclaimableWindow(args.asOf, args.windowDays);
        const [rows, idle] = await Promise.all([
          reclaimableRows(ctx.ds, where, args.asOf, args.windowDays),
          idleSources(ctx.ds, where, from, to),
        ]);
        const idleByType = new Map<string, ReclaimableLicenses['idleSources']>();
        for (const source of idle) {
          const k = key(source.customerId, source.licenseType);
          const list = idleByType.get(k) ?? [];
          list.push({
            id: source.sourceId,
            sourceType: source.sourceType,
            lastReportedAt: source.lastReportedAt,
          });
          idleByType.set(k, list);
        }
        const byCustomer = new Map<string, ReclaimableLicenses[]>(
          customerIds.map((id) => [id, []]),
        );
        for (const { customerId, ...row } of rows) {
          byCustomer.get(customerId)?.push({
            ...row,
            idleSources: idleByType.get(key(customerId, row.licenseType)) ?? [],
            windowDays: args.windowDays,
            asOf: args.asOf,
          });
        }
        return customerIds.map((id) => byCustomer.get(id) ?? []);
      },
      { maxBatchSize: MAX_BATCH },
    ),
);
