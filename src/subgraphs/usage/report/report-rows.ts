import type { DataSource } from 'typeorm';
import type { ReportSettings } from '../../../config';
import {
  AGGREGATE_TEMP_TABLE_BYTES,
  isStatementTimeout,
  withStatementSettings,
} from '../../../db/statement-settings';
import type { LicenseType } from '../../../db/enums';
import type { Grant, SqlCondition } from '../../../db/sql/scope-condition';
import { badUserInput } from '../../../graphql/errors';
import type { Viewer } from '../../../auth/load-viewer';
import type { UsageReportRow } from '../types/usage-report.type';
import { reportSql } from './report-query';
import { refreshDailyRows } from './sql/daily-rows';
import type { ReportQuery } from './report-query';

export interface RawReportRow {
  period: string;
  customer_id?: string;
  subscription_id?: string;
  region?: string;
  source_id?: string;
  license_type?: LicenseType;
  consumed: number | string;
  peak: number | string;
  purchased: number | string | null;
}

/**
 * What a report may cover: whole partners only where the viewer has partner analytics
 * (docs/architecture.md: usageReport across customers), single customers wherever it reads them.
 * So a customer-scoped viewer only ever sees its own customers, whatever the filter names.
 */
export function reportGrant(viewer: Viewer): Grant {
  return {
    partnerIds: viewer.scope.analytics.partnerIds,
    customerIds: viewer.scope.read.customerIds,
  };
}

export function toReportRow(row: RawReportRow): UsageReportRow {
  // SUM and COUNT come back as strings from MySQL (DECIMAL).
  return {
    period: row.period,
    customerId: row.customer_id ?? null,
    subscriptionId: row.subscription_id ?? null,
    region: row.region ?? null,
    sourceId: row.source_id ?? null,
    licenseType: row.license_type ?? null,
    consumed: Number(row.consumed),
    peak: Number(row.peak),
    purchased: row.purchased === null ? null : Number(row.purchased),
  };
}

/**
 * The report's statement as the server runs it (GraphQL and CSV alike): after recounting the
 * stale daily totals it will read, with room for its temporary tables, and stopped after
 * `timeoutSeconds` where that is given.
 */
export async function preparedReportSql(
  ds: DataSource,
  query: ReportQuery,
  timeoutSeconds?: number,
): Promise<SqlCondition> {
  await refreshDailyRows(ds, query);
  const statement = reportSql(ds, query);
  return {
    sql: withStatementSettings(ds, statement.sql, {
      timeoutSeconds,
      tempTableBytes: AGGREGATE_TEMP_TABLE_BYTES,
    }),
    params: statement.params,
  };
}

/**
 * The report for a GraphQL answer: refused with BAD_USER_INPUT when it has more than maxRows, or
 * when its statement runs longer than REPORT_TIMEOUT_SECONDS (MySQL; the CSV export has no such
 * limit, it is meant for large reports).
 */
export async function reportRows(
  ds: DataSource,
  query: ReportQuery,
  maxRows: number,
  settings: ReportSettings,
): Promise<UsageReportRow[]> {
  const { timeoutSeconds } = settings;
  const statement = await preparedReportSql(ds, query, timeoutSeconds);
  let rows: RawReportRow[];
  try {
    rows = await ds.query(`${statement.sql} LIMIT ?`, [...statement.params, maxRows + 1]);
  } catch (error) {
    if (!isStatementTimeout(error)) throw error;
    throw badUserInput(
      `The report took longer than ${timeoutSeconds} s and was stopped: narrow the filter or the ` +
        'range, group by fewer dimensions, or download it from GET /reports/usage.csv',
    );
  }
  if (rows.length > maxRows) {
    throw badUserInput(
      `The report has more than ${maxRows} rows: narrow the filter, group by fewer dimensions, ` +
        'choose a coarser granularity, or download it from GET /reports/usage.csv',
    );
  }
  return rows.map(toReportRow);
}
