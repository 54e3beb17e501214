import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { DeliveryStatus } from '../../../src/db/schedules/report-delivery.entity';
import { BullmqQueue, QUEUE_NAME } from '../../../src/jobs/bullmq-queue';
import { InProcessQueue } from '../../../src/jobs/in-process-queue';
import type { JobQueue } from '../../../src/jobs/job-queue';
import { startReportWorker } from '../../../src/subgraphs/usage/schedules/report-worker';
import type { ReportWorker } from '../../../src/subgraphs/usage/schedules/report-worker';
import { useFixtureDatabase } from '../../support/fixture-database';
import { useForAll } from '../../support/late-bound';
import { startSmtpSink } from '../../support/smtp-sink';
import { WEEK_DUE, eventually, mailSettings, scheduleOf } from './setup';

// The worker on both queues: BullMQ on the real Redis at 127.0.0.1:6379 (a key prefix of its own
// per test) and the in-process queue. Each test makes one schedule due and starts two workers on
// the same database and queue, as two `licensegraph worker` processes would be: the sweep queues
// the period that ended, the delivery retries while the SMTP server refuses, and the period is
// mailed exactly once.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const { db } = useFixtureDatabase();
const smtp = useForAll('the SMTP server', startSmtpSink, (sink) => sink.close());

const workers: ReportWorker[] = [];
const prefixes: string[] = [];
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop()));
  for (const prefix of prefixes.splice(0)) {
    const queue = new Queue(QUEUE_NAME, { connection: { url: REDIS_URL }, prefix });
    await queue.obliterate({ force: true });
    await queue.close();
  }
  smtp.received.length = 0;
  smtp.setFailing(false);
});

/** Fast settings: the sweep every 100 ms, retries after 100, 200, 400 ms. */
function settings(redisUrl: string | null, prefix: string) {
  return mailSettings(smtp.url, {
    ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
    REPORT_QUEUE_PREFIX: prefix,
    REPORT_SCHEDULER_INTERVAL_SECONDS: '0.1',
    REPORT_RETRY_BACKOFF_SECONDS: '0.1',
    REPORT_DELIVERY_ATTEMPTS: '6',
  });
}

async function dueSchedule(): Promise<string> {
  const id = await scheduleOf(db.ds, 'u-fa-acme', ['u-ro-acme']);
  await db.ds.query('UPDATE report_schedules SET next_run_at = ? WHERE id = ?', [
    '2026-11-23 00:00:00.000',
    id,
  ]);
  return id;
}

async function twoWorkers(queue: (prefix: string) => JobQueue, redisUrl: string | null) {
  const prefix = `lg-test-${randomBytes(6).toString('hex')}`;
  if (redisUrl) prefixes.push(prefix);
  for (let i = 0; i < 2; i++) {
    workers.push(
      await startReportWorker({
        ds: db.ds,
        settings: settings(redisUrl, prefix),
        reportTimeoutSeconds: 30,
        queue: queue(prefix),
        // The clock stops on the Monday the week is due: no later period ends.
        now: () => WEEK_DUE,
      }),
    );
  }
}

async function delivery(scheduleId: string) {
  const [row] = await db.ds.query(
    'SELECT status, attempts, period_from FROM report_deliveries WHERE schedule_id = ?',
    [scheduleId],
  );
  return row as { status: string; attempts: number; period_from: string } | undefined;
}

const QUEUES: Array<[string, (prefix: string) => JobQueue, string | null]> = [
  [
    'BullMQ on Redis',
    (prefix) => {
      const s = settings(REDIS_URL, prefix);
      return new BullmqQueue(REDIS_URL, prefix, s);
    },
    REDIS_URL,
  ],
  ['the in-process queue', (prefix) => new InProcessQueue(settings(null, prefix)), null],
];

describe.each(QUEUES)('%s', (_name, queue, redisUrl) => {
  it('mails a period that ended once, with two workers sweeping', async () => {
    const id = await dueSchedule();
    await twoWorkers(queue, redisUrl);
    await eventually('the delivery', async () => (await delivery(id))?.status === 'DELIVERED');
    expect(await delivery(id)).toMatchObject({ attempts: 1, period_from: '2026-11-16' });
    // Several sweeps ran meanwhile on both workers; give a duplicate time to show up.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.filter((mail) => mail.raw.includes('2026-11-16'))).toHaveLength(1);
  });

  it('retries with backoff while the SMTP server refuses, then delivers once', async () => {
    smtp.setFailing(true);
    const id = await dueSchedule();
    await twoWorkers(queue, redisUrl);
    await eventually('two failed attempts', async () => {
      const row = await delivery(id);
      return row?.status === DeliveryStatus.FAILED && Number(row.attempts) >= 2;
    });
    smtp.setFailing(false);
    await eventually('the delivery', async () => (await delivery(id))?.status === 'DELIVERED');
    expect(Number((await delivery(id))!.attempts)).toBeGreaterThanOrEqual(3);
    expect(smtp.received).toHaveLength(1);
  });
});
