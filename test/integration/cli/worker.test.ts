import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { addDays } from '../../../src/days';
import { lastEndedPeriod } from '../../../src/db/schedules/periods';
import { ReportCadence } from '../../../src/db/schedules/report-schedule.entity';
import { DEMO_SCHEDULE_ID } from '../../../src/ingest/seed/demo/schedule';
import { QUEUE_NAME } from '../../../src/jobs/bullmq-queue';
import { attachmentOf, startSmtpSink } from '../../support/smtp-sink';
import type { SmtpSink } from '../../support/smtp-sink';
import { createCliDatabase, FIRST_CALL_TIMEOUT_MS, runCli, startCli } from './cli-process';
import type { CliDatabase } from './cli-process';

// `licensegraph worker` as a process, on BullMQ in the real Redis (a key prefix of its own): the
// demo's weekly schedule, made due, is mailed once to its three recipients, and SIGTERM stops the
// worker with exit code 0.

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `lg-test-cli-${randomBytes(6).toString('hex')}`;

describe('licensegraph worker', () => {
  let db: CliDatabase;
  let ds: DataSource;
  let smtp: SmtpSink;

  beforeAll(async () => {
    db = await createCliDatabase();
    ds = await db.open();
    smtp = await startSmtpSink();
  });
  afterAll(async () => {
    const queue = new Queue(QUEUE_NAME, { connection: { url: REDIS_URL }, prefix: PREFIX });
    await queue.obliterate({ force: true });
    await queue.close();
    await smtp?.close();
    await ds?.destroy();
    await db?.close();
  });

  it(
    'mails the demo schedule once its week has ended, then stops on SIGTERM',
    async () => {
      const env = { DATABASE_URL: db.url, DATA_DIR: db.dataDir, LOG_LEVEL: 'warn' };
      const seeded = await runCli(['seed', '--scale', 'demo'], env);
      expect(seeded.code).toBe(0);
      // Due since this Monday: the week that ended then, and only that one, is to be mailed.
      const week = lastEndedPeriod(ReportCadence.WEEKLY, new Date());
      await ds.query('UPDATE report_schedules SET next_run_at = ? WHERE id = ?', [
        `${addDays(week.to, 1)} 00:00:00.000`,
        DEMO_SCHEDULE_ID,
      ]);
      const worker = startCli(['worker'], {
        ...env,
        REDIS_URL,
        REPORT_QUEUE_PREFIX: PREFIX,
        REPORT_SCHEDULER_INTERVAL_SECONDS: '0.2',
        REPORT_RETRY_BACKOFF_SECONDS: '0.2',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'reports@licensegraph.test',
      });
      try {
        const stdout = await worker.waitFor(/Worker running/);
        expect(stdout).toMatch(
          /^Scheduled reports: queue in Redis \(REDIS_URL, prefix lg-test-cli-/m,
        );
        // The row says DELIVERED once the SMTP server took the message: wait for that.
        const deadline = Date.now() + 60_000;
        const delivery = async () =>
          (
            await ds.query(
              'SELECT status, row_count FROM report_deliveries WHERE schedule_id = ?',
              [DEMO_SCHEDULE_ID],
            )
          )[0] as { status: string; row_count: number | string } | undefined;
        while ((await delivery())?.status !== 'DELIVERED' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        expect(smtp.received).toHaveLength(1);
        expect(smtp.received[0].to).toEqual([
          'dana.whitfield@northwind-telecom.example',
          'marcus.chen@contoso.example',
          'priya.natarajan@contoso.example',
        ]);
        expect(attachmentOf(smtp.received[0].raw).filename).toBe(
          `usage-${week.from}-${week.to}.csv`,
        );
        const delivered = await delivery();
        expect(delivered?.status).toBe('DELIVERED');
        // The sweeps that ran meanwhile found nothing else due.
        expect(smtp.received).toHaveLength(1);
        expect(Number(delivered?.row_count)).toBeGreaterThan(0);
      } finally {
        expect(await worker.stop()).toBe(0);
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );
});
