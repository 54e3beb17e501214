import { visibleCustomers, visiblePartners } from '../auth/visibility';
import type { VisibleCustomer, VisiblePartner } from '../auth/visibility';
import { dateTimeValue } from '../db/date-time-value';
import type { SourceType } from '../db/enums';
import { inList } from '../db/sql/placeholders';
import { scopeCondition } from '../db/sql/scope-condition';
import { byIdLoader } from './by-id-loader';
import type { RequestContext } from './context';
import { perRequest } from './per-request';
import { viewerOf } from './viewer-of';

// Customers and partners by id as every subgraph resolves them (root lookups, `_entities`, a role
// assignment's scope): the one visibility rule of auth/visibility.ts, batched per request. Out of
// sight looks exactly like not there: null.
//
// Subscriptions and clusters or tenants that the viewer reads, by id, as references to them are
// checked (`_entities` of the usage subgraph). The subgraph that lists them reads them under the
// same read scope and primes these loaders, so that a gateway calling its subgraphs in process
// (SUBGRAPHS_IN_PROCESS), whose subgraphs share one request context, checks them without another
// statement (issue 14). Apart, each process asks the database itself.

export const customerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<VisibleCustomer>((ids) => visibleCustomers(ctx.ds, viewerOf(ctx), ids)),
);

export const partnerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<VisiblePartner>((ids) => visiblePartners(ctx.ds, viewerOf(ctx), ids)),
);

const readScope = (ctx: RequestContext, alias: string) =>
  scopeCondition(viewerOf(ctx).scope.read, {
    customerId: `${alias}.customer_id`,
    partnerId: `${alias}.partner_id`,
  });

/** LicenseSubscription references: the subscriptions the viewer reads; any other id is null. */
export const readableSubscriptionLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<{ id: string }>((ids) => {
    const read = readScope(ctx, 's');
    return ctx.ds.query(
      `SELECT s.id FROM subscriptions s WHERE s.id IN ${inList(ids)} AND ${read.sql}`,
      [...ids, ...read.params],
    );
  }),
);

export interface ReadableSource {
  id: string;
  sourceType: SourceType;
  lastReportedAt: Date | null;
}

/** Cluster and Tenant references (one table, one batch for both) that the viewer reads. */
export const readableSourceLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<ReadableSource>(async (ids) => {
    const read = readScope(ctx, 'us');
    const rows: Array<{
      id: string;
      source_type: SourceType;
      last_reported_at: Date | string | null;
    }> = await ctx.ds.query(
      `SELECT us.id, us.source_type, us.last_reported_at FROM usage_sources us
       WHERE us.id IN ${inList(ids)} AND ${read.sql}`,
      [...ids, ...read.params],
    );
    return rows.map((row) => ({
      id: row.id,
      sourceType: row.source_type,
      lastReportedAt: dateTimeValue(row.last_reported_at),
    }));
  }),
);
