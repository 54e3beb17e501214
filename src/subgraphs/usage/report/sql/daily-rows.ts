import type { DataSource } from 'typeorm';
import { refreshStaleDailyTotals } from '../../../../db/rollups/refresh-stale-totals';
import type { ReportQuery } from '../report-query';
import { partnerTotalsCondition, partnerTotalsPartners } from './filter';
import { fromSourcesFirst } from './sources-first';

/**
 * Where a report reads daily values from: a FROM clause, the condition that picks the report's
 * rows, and how its columns are qualified. Either the partner's daily totals
 * (usage_daily_totals), or the daily rows of license_usage.
 */
export interface DailyRows {
  from: string;
  where: string;
  params: unknown[];
  /** Qualifies a column of license_usage (customer_id, day, consumed, …) in `from`. */
  column(name: string): string;
}

export function dailyRowsOf(ds: DataSource, query: ReportQuery): DailyRows {
  const totals = partnerTotalsCondition(query);
  if (totals === null) {
    return {
      ...fromSourcesFirst(ds, query, 'license_usage', 'lu'),
      column: (name) => `lu.${name}`,
    };
  }
  return {
    from: 'usage_daily_totals',
    where: totals.sql,
    params: totals.params,
    column: (name) => name,
  };
}

/**
 * Makes the daily totals that dailyRowsOf will read exact (db/rollups/refresh-stale-totals.ts):
 * call before running the report's statement. Nothing to do when it reads license_usage.
 */
export async function refreshDailyRows(ds: DataSource, query: ReportQuery): Promise<void> {
  const partnerIds = partnerTotalsPartners(query);
  if (partnerIds !== null) await refreshStaleDailyTotals(ds, partnerIds, query.from, query.to);
}
