import {
  CreateReportScheduleDocument,
  DeleteReportScheduleDocument,
  ReportSchedulesDocument,
  RunReportScheduleDocument,
} from '../../generated/operations';
import { lastEndedPeriod, nextRunAfter } from '../../../src/db/schedules/periods';
import { ReportCadence } from '../../../src/db/schedules/report-schedule.entity';
import { usageReport } from '../../support/reporting-oracle';
import { attachmentOf, startSmtpSink } from '../../support/smtp-sink';
import type { SmtpSink } from '../../support/smtp-sink';
import { send } from '../../support/typed-request';
import { useFixtureStack } from './fixture-stack';

// The four schedule operations of schema/operations through the gateway, with the stack mailing
// to an SMTP server started here. runReportSchedule delivers the month that ended before today (by
// the clock); the rows it reports and the CSV it mails are checked against the report the oracle
// computes from the fixture for that month.

let smtp: SmtpSink;
const { stack, fixture, db } = useFixtureStack({
  stackOptions: async () => {
    smtp = await startSmtpSink();
    return { env: { SMTP_URL: smtp.url, MAIL_FROM: 'reports@licensegraph.test' } };
  },
});
afterAll(() => smtp?.close());

const INPUT = {
  name: 'Acme monthly',
  customerId: 'c-acme',
  groupBy: ['LICENSE_TYPE' as const],
  granularity: 'MONTH' as const,
  cadence: 'MONTHLY' as const,
  recipientIds: ['u-ro-acme', 'u-fa-acme'],
};

async function count(table: string): Promise<number> {
  return Number((await db.ds.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
}

describe('scheduled report operations through the gateway', () => {
  let id = '';

  it('CreateReportSchedule: a full admin of the customer schedules a monthly report', async () => {
    const before = new Date();
    const { data, errors } = await send(
      stack,
      CreateReportScheduleDocument,
      { input: INPUT },
      'u-fa-acme',
    );
    expect(errors).toBeUndefined();
    const created = data!.createReportSchedule;
    id = created.id;
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Acme monthly',
      cadence: 'MONTHLY',
      granularity: 'MONTH',
      groupBy: ['LICENSE_TYPE'],
      nextRunAt: nextRunAfter(ReportCadence.MONTHLY, before).toISOString(),
      recipients: [
        { id: 'u-fa-acme', email: 'fa@acme.example' },
        { id: 'u-ro-acme', email: 'ro@acme.example' },
      ],
      customer: { id: 'c-acme' },
      partner: null,
    });
  });

  it('refuses recipients who may not read the scope, and a scope named twice, writing nothing', async () => {
    const schedules = await count('report_schedules');
    for (const input of [
      { ...INPUT, recipientIds: ['u-pfa-south'] },
      { ...INPUT, recipientIds: ['u-nobody-at-all'] },
      { ...INPUT, partnerId: 'p-north' },
      { ...INPUT, filter: { customerIds: ['c-globex'] } },
    ]) {
      const { errors } = await send(stack, CreateReportScheduleDocument, { input }, 'u-fa-acme');
      expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    const { errors } = await send(
      stack,
      CreateReportScheduleDocument,
      { input: INPUT },
      'u-ro-acme',
    );
    expect(errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await count('report_schedules')).toBe(schedules);
  });

  it('RunReportSchedule: mails the month that ended, once, with the report as CSV', async () => {
    const period = lastEndedPeriod(ReportCadence.MONTHLY, new Date());
    const expected = usageReport(
      fixture,
      ['c-acme'],
      { customerIds: ['c-acme'], ...period },
      ['LICENSE_TYPE'],
      'MONTH',
    );
    const first = await send(stack, RunReportScheduleDocument, { id }, 'u-fa-acme');
    expect(first.errors).toBeUndefined();
    expect(first.data!.runReportSchedule).toMatchObject({
      periodFrom: period.from,
      periodTo: period.to,
      status: 'DELIVERED',
      attempts: 1,
      rows: expected.length,
      error: null,
    });
    const again = await send(stack, RunReportScheduleDocument, { id }, 'u-pfa-north');
    expect(again.data!.runReportSchedule).toEqual(first.data!.runReportSchedule);

    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0].to).toEqual(['fa@acme.example', 'ro@acme.example']);
    const lines = attachmentOf(smtp.received[0].raw).content.trimEnd().split('\r\n');
    expect(lines.slice(1).map((line) => line.split(','))).toEqual(
      expected.map((row) => [
        row.period,
        '',
        '',
        '',
        '',
        row.licenseType,
        String(row.consumed),
        String(row.peak),
        String(row.purchased),
      ]),
    );
  });

  it('ReportSchedules: full and read-only admins read the schedule and its delivery', async () => {
    for (const user of ['u-ro-acme', 'u-pro-north']) {
      const { data, errors } = await send(
        stack,
        ReportSchedulesDocument,
        { customerId: 'c-acme' },
        user,
      );
      expect(errors).toBeUndefined();
      const [schedule] = data!.reportSchedules;
      expect(schedule).toMatchObject({ id, name: 'Acme monthly', owner: { id: 'u-fa-acme' } });
      expect(schedule.deliveries).toEqual([
        expect.objectContaining({ status: 'DELIVERED', attempts: 1, error: null }),
      ]);
    }
    for (const user of ['u-sa-acme', 'u-pfa-south']) {
      const { data } = await send(stack, ReportSchedulesDocument, { customerId: 'c-acme' }, user);
      expect(data!.reportSchedules).toEqual([]);
    }
  });

  it('DeleteReportSchedule: refused to a read-only admin, done by a partner full admin', async () => {
    const refused = await send(stack, DeleteReportScheduleDocument, { id }, 'u-ro-acme');
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const unknown = await send(stack, DeleteReportScheduleDocument, { id: 'rs-none' }, 'u-fa-acme');
    expect(unknown.errors?.[0]).toMatchObject({
      message: refused.errors?.[0]?.message,
      extensions: { code: 'FORBIDDEN' },
    });
    const { data } = await send(stack, DeleteReportScheduleDocument, { id }, 'u-pfa-north');
    expect(data!.deleteReportSchedule).toBe(true);
    const after = await send(stack, ReportSchedulesDocument, { customerId: 'c-acme' }, 'u-fa-acme');
    expect(after.data!.reportSchedules).toEqual([]);
    expect(await count('report_deliveries')).toBe(0);
  });
});
