import { dateTimeValue } from '../../../../db/date-time-value';
import { inList } from '../../../../db/sql/placeholders';
import { groupedLoader } from '../../../../graphql/by-id-loader';
import type { RequestContext } from '../../../../graphql/context';
import type { DeliveryStatus } from '../../../../graphql/enums';
import { perArguments } from '../../../../graphql/per-arguments';
import type { ReportDeliveryType } from './report-delivery.type';

interface DeliveryRow {
  id: string;
  schedule_id: string;
  period_from: string;
  period_to: string;
  status: string;
  attempts: number | string;
  row_count: number | string | null;
  delivered_at: Date | string | null;
  error: string | null;
}

export function toDeliveryType(row: DeliveryRow): ReportDeliveryType {
  return {
    id: row.id,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    status: row.status as DeliveryStatus,
    attempts: Number(row.attempts),
    rows: row.row_count === null ? null : Number(row.row_count),
    deliveredAt: dateTimeValue(row.delivered_at),
    error: row.error,
  };
}

/** The newest `first` deliveries of each schedule, one statement for every schedule asked. */
export const deliveryLoader = perArguments((ctx: RequestContext, args: { first: number }) =>
  groupedLoader<DeliveryRow>(
    (ids) =>
      ctx.ds.query(
        `SELECT id, schedule_id, period_from, period_to, status, attempts, row_count,
                delivered_at, error
         FROM (SELECT d.*, ROW_NUMBER() OVER (PARTITION BY d.schedule_id
                                             ORDER BY d.period_from DESC) AS n
               FROM report_deliveries d WHERE d.schedule_id IN ${inList(ids)}) ranked
         WHERE n <= ? ORDER BY schedule_id, period_from DESC`,
        [...ids, args.first],
      ),
    (row) => row.schedule_id,
  ),
);
