import type { DataSource } from 'typeorm';
import { visibleUserCondition } from '../../../../auth/admin-visible-assignment';
import type { Viewer } from '../../../../auth/load-viewer';
import { scopeReaderCondition } from '../../../../auth/scope-readers';
import { dateTimeValue } from '../../../../db/date-time-value';
import { inList } from '../../../../db/sql/placeholders';
import { scopeCondition } from '../../../../db/sql/scope-condition';
import { groupedLoader } from '../../../../graphql/by-id-loader';
import type { RequestContext } from '../../../../graphql/context';
import type { Granularity, ReportCadence } from '../../../../graphql/enums';
import { perRequest } from '../../../../graphql/per-request';
import { viewerOf } from '../../../../graphql/viewer-of';
import type { ReportScheduleType } from './report-schedule.type';

// Schedules as the API reads them: those whose scope the viewer may read role assignments of
// (full and read-only admins, docs/contract: "its full and read-only admins read them"), and
// whose owner the viewer may see, so that `owner` never resolves to null. Recipients are those
// who still may read the scope and whom the viewer may see.

interface ScheduleRow {
  id: string;
  name: string;
  owner_id: string;
  partner_id: string;
  customer_id: string | null;
  filter: string;
  group_by: string;
  granularity: string;
  cadence: string;
  next_run_at: Date | string;
}

export function toScheduleType(row: ScheduleRow): ReportScheduleType {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    filterJson: row.filter,
    groupByList: row.group_by,
    granularity: row.granularity as Granularity,
    cadence: row.cadence as ReportCadence,
    nextRunAt: dateTimeValue(row.next_run_at)!,
  };
}

/** The schedules the viewer may read, optionally of one partner (and its customers) or customer. */
export async function readableSchedules(
  ds: DataSource,
  viewer: Viewer,
  where: { partnerId?: string | null; customerId?: string | null; ids?: readonly string[] },
): Promise<ReportScheduleType[]> {
  const scope = scopeCondition(viewer.scope.readAdmin, {
    customerId: 's.customer_id',
    partnerId: 's.partner_id',
  });
  const owner = visibleUserCondition(viewer, 's.owner_id');
  const parts = [scope.sql, owner.sql];
  const params = [...scope.params, ...owner.params];
  if (where.partnerId != null) {
    parts.push('s.partner_id = ?');
    params.push(where.partnerId);
  }
  if (where.customerId != null) {
    parts.push('s.customer_id = ?');
    params.push(where.customerId);
  }
  if (where.ids) {
    parts.push(`s.id IN ${inList(where.ids)}`);
    params.push(...where.ids);
  }
  const rows: ScheduleRow[] = await ds.query(
    `SELECT s.id, s.name, s.owner_id, s.partner_id, s.customer_id, s.filter, s.group_by,
            s.granularity, s.cadence, s.next_run_at
     FROM report_schedules s WHERE ${parts.join(' AND ')}
     ORDER BY s.created_at, s.id`,
    params,
  );
  return rows.map(toScheduleType);
}

/** Per schedule: the recipients who may still read its scope and whom the viewer may see. */
export const recipientLoader = perRequest((ctx: RequestContext) =>
  groupedLoader<{ schedule_id: string; user_id: string }>(
    async (ids) => {
      const readers = scopeReaderCondition({
        user: 'r.user_id',
        partner: 's.partner_id',
        customer: 's.customer_id',
      });
      const visible = visibleUserCondition(viewerOf(ctx), 'r.user_id');
      return ctx.ds.query(
        `SELECT r.schedule_id, r.user_id FROM report_recipients r
         JOIN report_schedules s ON s.id = r.schedule_id
         WHERE r.schedule_id IN ${inList(ids)} AND ${readers.sql} AND ${visible.sql}
         ORDER BY r.schedule_id, r.user_id`,
        [...ids, ...readers.params, ...visible.params],
      );
    },
    (row) => row.schedule_id,
  ),
);
