import type { SqlCondition } from '../../../../db/sql/scope-condition';
import { scopeCondition } from '../../../../db/sql/scope-condition';
import { inList } from '../../../../db/sql/placeholders';
import { UsageDimension } from '../../../../graphql/enums';
import type { ReportQuery } from '../report-query';

/**
 * The viewer's scope and the filter as a condition on a table with the columns of license_usage
 * (usage_bucket_last has them too, entitlements joined to subscriptions all but `region`).
 * `prefix` qualifies the columns ("b.", "ent.").
 */
export function filterCondition(
  query: ReportQuery,
  options: { withRegion: boolean; prefix?: string },
): SqlCondition {
  const prefix = options.prefix ?? '';
  const scope = scopeCondition(query.grant, {
    customerId: `${prefix}customer_id`,
    partnerId: `${prefix}partner_id`,
  });
  const parts = [scope.sql];
  const params: unknown[] = [...scope.params];
  const add = (column: string, values: readonly unknown[] | null) => {
    if (values === null) return;
    parts.push(`${prefix}${column} IN ${inList(values)}`);
    params.push(...values);
  };
  add('partner_id', query.partnerId === null ? null : [query.partnerId]);
  add('customer_id', query.customerIds);
  add('subscription_id', query.subscriptionIds);
  if (options.withRegion) add('region', query.regions);
  add('license_type', query.licenseTypes);
  return { sql: parts.join(' AND '), params };
}

const PARTNER_TOTAL_DIMENSIONS: ReadonlySet<UsageDimension> = new Set([
  UsageDimension.REGION,
  UsageDimension.LICENSE_TYPE,
]);

/**
 * The partners whose daily totals (usage_daily_totals) hold exactly the report's rows — or null
 * when the report needs rows those totals do not keep apart: grouped or filtered by customer,
 * subscription or source, or covering only some customers of a partner (a viewer who reads
 * single customers, not the whole partner).
 */
export function partnerTotalsPartners(query: ReportQuery): string[] | null {
  if (query.customerIds !== null || query.subscriptionIds !== null) return null;
  if (!query.groupBy.every((d) => PARTNER_TOTAL_DIMENSIONS.has(d))) return null;
  if (query.partnerId !== null) {
    return query.grant.partnerIds.has(query.partnerId) ? [query.partnerId] : null;
  }
  if (query.grant.customerIds.size > 0) return null;
  return [...query.grant.partnerIds];
}

/** The same rows as filterCondition, as a condition on usage_daily_totals (or null: see above). */
export function partnerTotalsCondition(query: ReportQuery): SqlCondition | null {
  const partnerIds = partnerTotalsPartners(query);
  if (partnerIds === null) return null;
  if (partnerIds.length === 0) return { sql: '1 = 0', params: [] };
  const parts = [`partner_id IN ${inList(partnerIds)}`];
  const params: unknown[] = [...partnerIds];
  if (query.regions !== null) {
    parts.push(`region IN ${inList(query.regions)}`);
    params.push(...query.regions);
  }
  if (query.licenseTypes !== null) {
    parts.push(`license_type IN ${inList(query.licenseTypes)}`);
    params.push(...query.licenseTypes);
  }
  return { sql: parts.join(' AND '), params };
}
