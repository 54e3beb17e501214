import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { startReportWorker } from '../subgraphs/usage/schedules/report-worker';
import type { ReportWorker } from '../subgraphs/usage/schedules/report-worker';
import { withDatabase } from './database';
import type { CliSession } from './session';
import { stopRequested } from './session';

// `licensegraph worker`: mails the scheduled usage reports (README, Scheduled reports) until
// stopped. Run as many as you like against the same database and REDIS_URL: BullMQ shares the jobs
// and the deliveries table keeps each period to one e-mail. `licensegraph start` runs one in its
// own process (startEmbeddedWorker).

/** Starts the worker and says where its queue is and where it mails. */
export async function startEmbeddedWorker(
  session: CliSession,
  ds: DataSource,
): Promise<ReportWorker> {
  const { reportMail, reports } = session.config;
  const worker = await startReportWorker({
    ds,
    settings: reportMail,
    reportTimeoutSeconds: reports.timeoutSeconds,
  });
  session.print(
    worker.queue.kind === 'redis'
      ? `Scheduled reports: queue in Redis (REDIS_URL, prefix ${reportMail.queuePrefix}).`
      : 'Scheduled reports: queue in this process (set REDIS_URL to share it between workers).',
  );
  if (reportMail.smtpUrl === null) {
    session.print('Scheduled reports: SMTP_URL is not set, so deliveries fail until it is.');
  }
  return worker;
}

async function worker(session: CliSession): Promise<number> {
  return withDatabase(
    session,
    async (ds) => {
      const running = await startEmbeddedWorker(session, ds);
      session.print('Worker running. Press Ctrl-C to stop.');
      const signal = await stopRequested();
      session.print(`${signal}: stopping (deliveries under way finish first)...`);
      await running.stop();
      return 0;
    },
    { serving: true },
  );
}

export function registerWorker(program: Command, session: CliSession): void {
  program
    .command('worker')
    .description('mail the scheduled usage reports (BullMQ on REDIS_URL, else in this process)')
    .action(session.action(() => worker(session)));
}
