import type { DataSource } from 'typeorm';
import type { ReportScope } from '../../../auth/scope-readers';
import type { LicenseType } from '../../../db/enums';
import type { ReportSchedule } from '../../../db/schedules/report-schedule.entity';
import type { Granularity, UsageDimension } from '../../../graphql/enums';
import { reportCsvLines } from '../report/csv-lines';
import { preparedReportSql } from '../report/report-rows';
import { reportQuery } from '../resolvers/usage-report.args';
import type { Period } from '../../../db/schedules/periods';

// A schedule's report for one period: the filter and grouping it was created with, over the
// period's days, cut to the schedule's scope, built by the code of GET /reports/usage.csv.

export interface StoredFilter {
  customerIds?: string[] | null;
  subscriptionIds?: string[] | null;
  regions?: string[] | null;
  licenseTypes?: LicenseType[] | null;
}

export function scopeOf(schedule: Pick<ReportSchedule, 'partnerId' | 'customerId'>): ReportScope {
  return { partnerId: schedule.partnerId, customerId: schedule.customerId };
}

export function storedFilter(schedule: Pick<ReportSchedule, 'filter'>): StoredFilter {
  return JSON.parse(schedule.filter) as StoredFilter;
}

export function storedGroupBy(schedule: Pick<ReportSchedule, 'groupBy'>): UsageDimension[] {
  return schedule.groupBy === '' ? [] : (schedule.groupBy.split(',') as UsageDimension[]);
}

/** The CSV text and its number of data rows. */
export async function scheduleReportCsv(
  ds: DataSource,
  schedule: ReportSchedule,
  period: Period,
  timeoutSeconds: number,
): Promise<{ csv: string; rows: number }> {
  const filter = storedFilter(schedule);
  const partnerScope = schedule.customerId === null;
  const query = reportQuery({
    filter: {
      ...filter,
      partnerId: partnerScope ? schedule.partnerId : null,
      customerIds: partnerScope ? filter.customerIds : [schedule.customerId!],
      from: period.from,
      to: period.to,
    },
    groupBy: storedGroupBy(schedule),
    granularity: schedule.granularity as Granularity,
  });
  // The grant is the scope itself: the owner was just checked to administer it.
  const grant = {
    partnerIds: new Set(partnerScope ? [schedule.partnerId] : []),
    customerIds: new Set(partnerScope ? [] : [schedule.customerId!]),
  };
  const sql = await preparedReportSql(ds, { ...query, grant }, timeoutSeconds);
  const lines: string[] = [];
  for await (const line of reportCsvLines(ds, sql)) lines.push(line);
  return { csv: lines.join(''), rows: lines.length - 1 };
}
