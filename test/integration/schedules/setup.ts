import type { DataSource } from 'typeorm';
import { loadViewer } from '../../../src/auth/load-viewer';
import { loadConfig } from '../../../src/config';
import type { ReportMailSettings } from '../../../src/config';
import { ReportCadence } from '../../../src/db/schedules/report-schedule.entity';
import { Granularity, UsageDimension } from '../../../src/graphql/enums';
import { createSchedule } from '../../../src/subgraphs/usage/schedules/api/create-schedule';
import type { CreateReportScheduleInput } from '../../../src/subgraphs/usage/schedules/api/create-report-schedule.input';
import type { DeliveryDeps } from '../../../src/subgraphs/usage/schedules/deliver';
import { smtpMailer } from '../../../src/subgraphs/usage/schedules/mailer';
import { CSV_COLUMNS } from '../../../src/subgraphs/usage/report/csv-lines';
import type { GraphFixture } from '../../support/graph-fixture';
import { usageReport } from '../../support/reporting-oracle';
import type { Dimension, ReportFilter } from '../../support/reporting-oracle';

// What the scheduled report tests share: a schedule made as createReportSchedule makes it, the
// delivery's dependencies pointed at a test SMTP server, and the CSV a period must give, written
// from rows the reporting oracle computes from the fixture (none of the server's report code).

export const MAIL_FROM = 'Licensegraph reports <reports@licensegraph.test>';
/** A week of the fixture's usage (Monday to Sunday). */
export const WEEK = { from: '2026-11-16', to: '2026-11-22' };
/** When that week is due. */
export const WEEK_DUE = new Date('2026-11-23T00:00:00Z');

export function mailSettings(
  smtpUrl: string,
  env: Record<string, string> = {},
): ReportMailSettings {
  return loadConfig({ SMTP_URL: smtpUrl, MAIL_FROM: MAIL_FROM, ...env }).reportMail;
}

export function deliveryDeps(ds: DataSource, smtpUrl: string, now = WEEK_DUE): DeliveryDeps {
  const settings = mailSettings(smtpUrl);
  return { ds, sendMail: smtpMailer(settings), settings, reportTimeoutSeconds: 30, now: () => now };
}

export const WEEKLY_ACME: Omit<CreateReportScheduleInput, 'recipientIds'> = {
  name: 'Acme weekly',
  customerId: 'c-acme',
  groupBy: [UsageDimension.SUBSCRIPTION, UsageDimension.LICENSE_TYPE],
  granularity: Granularity.DAY,
  cadence: ReportCadence.WEEKLY,
};

/** A schedule of `ownerId`, created as the mutation creates it (checks included). */
export async function scheduleOf(
  ds: DataSource,
  ownerId: string,
  recipientIds: string[],
  input: Partial<CreateReportScheduleInput> = {},
): Promise<string> {
  const viewer = await loadViewer(ds, ownerId);
  return createSchedule(ds, viewer!, { ...WEEKLY_ACME, ...input, recipientIds }, WEEK_DUE);
}

/**
 * The CSV of a report over `period` as cells, from the oracle's rows, header first: by default
 * WEEKLY_ACME's (c-acme by subscription and license type, by day).
 */
export function expectedCells(
  fixture: GraphFixture,
  period: { from: string; to: string },
  report: { customers: string[]; filter: Partial<ReportFilter>; groupBy: Dimension[] } = {
    customers: ['c-acme'],
    filter: { customerIds: ['c-acme'] },
    groupBy: WEEKLY_ACME.groupBy as Dimension[],
  },
) {
  const filter = { ...report.filter, ...period };
  const rows = usageReport(fixture, report.customers, filter, report.groupBy, 'DAY');
  // The header as README documents it (the columns of GET /reports/usage.csv).
  return [[...CSV_COLUMNS], ...rows.map((row) => CSV_COLUMNS.map((c) => String(row[c] ?? '')))];
}

/** CSV text as cells (the fixture's values hold no comma or quote). */
export function cellsOf(csv: string): string[][] {
  expect(csv.endsWith('\r\n')).toBe(true);
  return csv
    .slice(0, -2)
    .split('\r\n')
    .map((line) => line.split(','));
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function eventually(what: string, check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A user of its own with one customer-level role on c-acme, for a test to take away again. */
export async function acmeUser(ds: DataSource, id: string, role: string): Promise<string> {
  await ds.query('INSERT INTO users (id, email, display_name) VALUES (?, ?, ?)', [
    id,
    `${id}@acme.example`,
    id,
  ]);
  await ds.query(
    `INSERT INTO role_assignments (id, user_id, role, partner_id, customer_id, scope_key, created_at)
     VALUES (?, ?, ?, NULL, 'c-acme', 'customer:c-acme', '2026-11-01 00:00:00.000')`,
    [`ra-${id}`, id, role],
  );
  return `ra-${id}`;
}
