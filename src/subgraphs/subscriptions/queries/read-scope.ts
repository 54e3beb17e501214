import { scopeCondition } from '../../../db/sql/scope-condition';
import type { SqlCondition } from '../../../db/sql/scope-condition';
import type { RequestContext } from '../../../graphql/context';
import { viewerOf } from '../../../graphql/viewer-of';

/**
 * What the viewer may read, as a predicate on a table that carries customer_id and partner_id
 * (subscriptions, usage_sources): every statement of this subgraph has it in its WHERE clause.
 */
export function readScope(ctx: RequestContext, alias: string): SqlCondition {
  return scopeCondition(viewerOf(ctx).scope.read, {
    customerId: `${alias}.customer_id`,
    partnerId: `${alias}.partner_id`,
  });
}
