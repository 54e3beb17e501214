import { visibleCustomers, visiblePartners } from '../auth/visibility';
import type { VisibleCustomer, VisiblePartner } from '../auth/visibility';
import { byIdLoader } from './by-id-loader';
import type { RequestContext } from './context';
import { perRequest } from './per-request';
import { viewerOf } from './viewer-of';

// Customers and partners by id as every subgraph resolves them (root lookups, `_entities`, a role
// assignment's scope): the one visibility rule of auth/visibility.ts, batched per request. Out of
// sight looks exactly like not there: null.

export const customerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<VisibleCustomer>((ids) => visibleCustomers(ctx.ds, viewerOf(ctx), ids)),
);

export const partnerLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<VisiblePartner>((ids) => visiblePartners(ctx.ds, viewerOf(ctx), ids)),
);
