import { DeliveryStatus } from '../../../src/db/schedules/report-delivery.entity';
import { UsageDimension } from '../../../src/graphql/enums';
import { ReportSchedule } from '../../../src/db/schedules/report-schedule.entity';
import { OWNER_LOST_ACCESS, deliver } from '../../../src/subgraphs/usage/schedules/deliver';
import { sweepDue } from '../../../src/subgraphs/usage/schedules/sweep';
import type { DeliveryJob } from '../../../src/jobs/job-queue';
import { useFixtureDatabase } from '../../support/fixture-database';
import { useForAll } from '../../support/late-bound';
import { attachmentOf, headerOf, startSmtpSink } from '../../support/smtp-sink';
import {
  MAIL_FROM,
  WEEK,
  acmeUser,
  cellsOf,
  deliveryDeps,
  expectedCells,
  scheduleOf,
} from './setup';

// One delivery of a scheduled report, against a real SMTP server started here: the mail, its CSV
// against the report computed from the fixture, the recipients; once per period whoever runs it;
// FAILED with its attempts while the server refuses, DELIVERED once it accepts; recipients and
// owners who lost access.

const { db, fixture } = useFixtureDatabase();
const smtp = useForAll('the SMTP server', startSmtpSink, (sink) => sink.close());

beforeEach(() => {
  smtp.received.length = 0;
  smtp.setFailing(false);
});

async function deliveriesOf(scheduleId: string) {
  return db.ds.query(
    'SELECT status, attempts, row_count, error FROM report_deliveries WHERE schedule_id = ?',
    [scheduleId],
  );
}

it('mails the period as a CSV attachment, equal to the report, to the recipients', async () => {
  const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme', 'u-sa-acme']);
  const outcome = await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);

  const cells = expectedCells(fixture, WEEK);
  expect(cells.length).toBeGreaterThan(7); // a week of days, several license types
  expect(outcome).toMatchObject({
    kind: 'done',
    delivery: { status: DeliveryStatus.DELIVERED, attempts: 1, rows: cells.length - 1 },
  });
  expect(smtp.received).toHaveLength(1);
  const [mail] = smtp.received;
  expect(mail.to).toEqual(['ro@acme.example', 'sa@acme.example']);
  expect(mail.from).toBe('reports@licensegraph.test');
  expect(headerOf(mail.raw, 'From')).toContain(MAIL_FROM.split(' <')[0]);
  expect(headerOf(mail.raw, 'Subject')).toBe('Acme weekly: license usage 2026-11-16 to 2026-11-22');
  const attachment = attachmentOf(mail.raw);
  expect(attachment.filename).toBe('usage-2026-11-16-2026-11-22.csv');
  expect(cellsOf(attachment.content)).toEqual(cells);
});

it("mails a partner's report across its customers to a partner admin", async () => {
  const id = await scheduleOf(db.ds, 'u-pfa-north', ['u-pro-north'], {
    customerId: null,
    partnerId: 'p-north',
    groupBy: [UsageDimension.CUSTOMER, UsageDimension.LICENSE_TYPE],
  });
  await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);
  const customers = fixture.customers.filter((c) => c.partnerId === 'p-north').map((c) => c.id);
  const cells = expectedCells(fixture, WEEK, {
    customers,
    filter: { partnerId: 'p-north' },
    groupBy: ['CUSTOMER', 'LICENSE_TYPE'],
  });
  expect(new Set(cells.slice(1).map((row) => row[1])).size).toBeGreaterThan(1);
  expect(smtp.received.map((mail) => mail.to)).toEqual([['pro@northwind.example']]);
  expect(cellsOf(attachmentOf(smtp.received[0].raw).content)).toEqual(cells);
});

it('delivers a period once, however often it is run', async () => {
  const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme']);
  const first = await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);
  const again = await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);
  expect(again).toEqual(first);
  expect(smtp.received).toHaveLength(1);
});

it('delivers once when several workers race for the same period', async () => {
  const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme']);
  const outcomes = await Promise.all(
    [1, 2, 3, 4].map(() => deliver(deliveryDeps(db.ds, smtp.url), id, WEEK)),
  );
  expect(smtp.received).toHaveLength(1);
  expect(await deliveriesOf(id)).toEqual([
    expect.objectContaining({ status: DeliveryStatus.DELIVERED }),
  ]);
  // The winner says done; the others either saw it delivered or found it held.
  expect(outcomes.filter((o) => o.kind === 'done').length).toBeGreaterThanOrEqual(1);
});

it('records FAILED with the attempts while the SMTP server refuses, then DELIVERED', async () => {
  const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme']);
  smtp.setFailing(true);
  const first = await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);
  expect(first).toMatchObject({
    kind: 'retry',
    delivery: { status: DeliveryStatus.FAILED, attempts: 1, deliveredAt: null },
  });
  expect(first.kind === 'retry' && first.delivery.error).toMatch(/451 Mailbox store full/);
  await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);
  expect(await deliveriesOf(id)).toEqual([
    expect.objectContaining({ status: DeliveryStatus.FAILED, attempts: 2 }),
  ]);
  expect(smtp.received).toHaveLength(0);

  smtp.setFailing(false);
  const last = await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);
  expect(last).toMatchObject({
    kind: 'done',
    delivery: { status: DeliveryStatus.DELIVERED, attempts: 3, error: null },
  });
  expect(smtp.received).toHaveLength(1);
});

it('says why when the SMTP server cannot be reached, without its address', async () => {
  const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme']);
  const outcome = await deliver(deliveryDeps(db.ds, 'smtp://127.0.0.1:9'), id, WEEK);
  expect(outcome).toMatchObject({
    kind: 'retry',
    delivery: { status: DeliveryStatus.FAILED, error: 'The SMTP server could not be reached' },
  });
});

it('skips a recipient who lost access to the scope', async () => {
  const role = await acmeUser(db.ds, 'u-sa2-acme', 'SUPPORT_ADMIN');
  const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme', 'u-sa2-acme']);
  await db.ds.query('DELETE FROM role_assignments WHERE id = ?', [role]);
  await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);
  expect(smtp.received.map((mail) => mail.to)).toEqual([['ro@acme.example']]);
});

it('stops the schedule of an owner who lost access, and mails nothing', async () => {
  const role = await acmeUser(db.ds, 'u-fa2-acme', 'FULL_ADMIN');
  const id = await scheduleOf(db.ds, 'u-fa2-acme', ['u-ro-acme']);
  await db.ds.query('DELETE FROM role_assignments WHERE id = ?', [role]);

  const outcome = await deliver(deliveryDeps(db.ds, smtp.url), id, WEEK);
  expect(outcome).toMatchObject({
    kind: 'done',
    delivery: { status: DeliveryStatus.FAILED, error: OWNER_LOST_ACCESS },
  });
  expect(smtp.received).toHaveLength(0);
  const schedule = await db.ds.getRepository(ReportSchedule).findOneByOrFail({ id });
  expect(schedule.stoppedAt).not.toBeNull();
  // Stopped: neither the next period nor the scheduler sends anything.
  const next = { from: '2026-11-23', to: '2026-11-29' };
  expect(await deliver(deliveryDeps(db.ds, smtp.url), id, next)).toEqual({ kind: 'none' });
  await db.ds.query('UPDATE report_schedules SET next_run_at = ? WHERE id = ?', [
    '2026-11-23 00:00:00.000',
    id,
  ]);
  const queued: DeliveryJob[] = [];
  await sweepDue(db.ds, async (job) => void queued.push(job), new Date('2026-12-31T00:00:00Z'));
  expect(queued.filter((job) => job.scheduleId === id)).toEqual([]);
});

it('queues each period that ended once and moves next_run_at on by one period', async () => {
  const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme']);
  const at = (value: Date) => value;
  const schedule = await db.ds.getRepository(ReportSchedule).findOneByOrFail({ id });
  expect(schedule.nextRunAt).toEqual(at(new Date('2026-11-30T00:00:00Z'))); // created on the 23rd
  const queued: DeliveryJob[] = [];
  const add = async (job: DeliveryJob) => void queued.push(job);
  const now = new Date('2026-12-08T12:00:00Z');
  await Promise.all([sweepDue(db.ds, add, now), sweepDue(db.ds, add, now)]);
  await sweepDue(db.ds, add, now);
  const mine = queued.filter((job) => job.scheduleId === id);
  // Two periods ended (weeks of Nov 23 and Nov 30); racing sweeps may queue one twice, which
  // the delivery row turns into one delivery.
  expect([...new Set(mine.map((job) => `${job.from}..${job.to}`))]).toEqual([
    '2026-11-23..2026-11-29',
    '2026-11-30..2026-12-06',
  ]);
  const moved = await db.ds.getRepository(ReportSchedule).findOneByOrFail({ id });
  expect(moved.nextRunAt).toEqual(new Date('2026-12-14T00:00:00Z'));
});
