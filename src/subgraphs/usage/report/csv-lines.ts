import type { DataSource } from 'typeorm';
import { streamRows } from '../../../db/stream-rows';
import type { SqlCondition } from '../../../db/sql/scope-condition';
import { csvLine } from './csv';
import { toReportRow } from './report-rows';
import type { RawReportRow } from './report-rows';

// The usage report as CSV lines, header first, streamed row by row from the database: what
// GET /reports/usage.csv answers and what a scheduled report attaches to its e-mail.

export const CSV_COLUMNS = [
  'period',
  'customerId',
  'subscriptionId',
  'region',
  'sourceId',
  'licenseType',
  'consumed',
  'peak',
  'purchased',
] as const;

/** `sql` as preparedReportSql gives it. */
export async function* reportCsvLines(ds: DataSource, sql: SqlCondition): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  for await (const raw of streamRows<RawReportRow>(ds, sql.sql, sql.params)) {
    const row = toReportRow(raw);
    yield csvLine(CSV_COLUMNS.map((column) => row[column]));
  }
}
