import { ServerRole } from '../../../db/enums';
import { inList } from '../../../db/sql/placeholders';
import { groupedLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { enumOrderSql } from '../../../db/sql/enum-order';
import { readScope } from '../queries/read-scope';
import type { Server } from '../types/server.type';

/** Servers of clusters, by role (the contract's order: publisher first), then hostname. */
export const clusterServersLoader = perRequest((ctx: RequestContext) =>
  groupedLoader<Server>(
    async (clusterIds) => {
      // servers carry no partner_id: the scope is their cluster's.
      const scope = readScope(ctx, 'us');
      const rows: Array<{ cluster_id: string; hostname: string; role: ServerRole }> =
        await ctx.ds.query(
          `SELECT sv.cluster_id, sv.hostname, sv.role
         FROM servers sv JOIN usage_sources us ON us.id = sv.cluster_id
         WHERE sv.cluster_id IN ${inList(clusterIds)} AND ${scope.sql}
         ORDER BY ${enumOrderSql('sv.role', Object.values(ServerRole))}, sv.hostname, sv.id`,
          [...clusterIds, ...scope.params],
        );
      return rows.map((row) => ({
        clusterId: row.cluster_id,
        hostname: row.hostname,
        role: row.role,
      }));
    },
    (server) => server.clusterId,
  ),
);
