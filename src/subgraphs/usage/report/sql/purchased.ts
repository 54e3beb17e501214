import type { SqlCondition } from '../../../../db/sql/scope-condition';
import { bucketsBetween } from '../buckets';
import type { ReportQuery } from '../report-query';
import { filterCondition } from './filter';
import { withComma } from './lists';

/**
 * Per group and bucket, the licenses purchased: the quantities of the entitlements in force on
 * the bucket's last day within the range. Columns: the group columns, period, purchased.
 */
export function purchasedSql(query: ReportQuery, groups: readonly string[]): SqlCondition {
  const buckets = bucketsBetween(query.from, query.to, query.granularity);
  const days = buckets.map(() => 'SELECT ? AS period, ? AS as_of').join(' UNION ALL ');
  const where = filterCondition(query, { withRegion: false, prefix: 'ent.' });
  return {
    sql: `SELECT ${withComma(groups, 'ent.')}b.period, SUM(ent.quantity) AS purchased
      FROM (${days}) b
      JOIN (SELECT e.subscription_id, e.customer_id, sb.partner_id, e.license_type, e.quantity,
                   e.start_date, e.end_date
            FROM entitlements e JOIN subscriptions sb ON sb.id = e.subscription_id) ent
        ON ent.start_date <= b.as_of AND (ent.end_date IS NULL OR ent.end_date >= b.as_of)
      WHERE ${where.sql}
      GROUP BY ${withComma(groups, 'ent.')}b.period`,
    params: [...buckets.flatMap((b) => [b.period, b.lastDay]), ...where.params],
  };
}
