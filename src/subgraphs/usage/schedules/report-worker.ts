import type { DataSource } from 'typeorm';
import type { ReportMailSettings } from '../../../config';
import type { JobQueue } from '../../../jobs/job-queue';
import { openJobQueue } from '../../../jobs/open-queue';
import { deliver } from './deliver';
import { smtpMailer } from './mailer';
import type { SendMail } from './mailer';
import { sweepDue } from './sweep';

// The worker of scheduled reports (`licensegraph worker`, or embedded in `licensegraph start`):
// the queue's sweep finds the periods that ended, its delivery jobs mail them.

export interface ReportWorkerOptions {
  ds: DataSource;
  settings: ReportMailSettings;
  reportTimeoutSeconds: number;
  /** Tests: another queue (a second worker on the same prefix), a clock, a mailer. */
  queue?: JobQueue;
  now?: () => Date;
  sendMail?: SendMail;
}

export interface ReportWorker {
  queue: JobQueue;
  stop(): Promise<void>;
}

export async function startReportWorker(options: ReportWorkerOptions): Promise<ReportWorker> {
  const { ds, settings } = options;
  const queue = options.queue ?? openJobQueue(settings);
  const now = options.now ?? (() => new Date());
  const deps = {
    ds,
    settings,
    sendMail: options.sendMail ?? smtpMailer(settings),
    reportTimeoutSeconds: options.reportTimeoutSeconds,
    now,
  };
  await queue.start({
    sweep: async () => {
      await sweepDue(ds, (job) => queue.add(job), now());
    },
    deliver: async (job) => {
      const outcome = await deliver(deps, job.scheduleId, { from: job.from, to: job.to });
      if (outcome.kind === 'retry') throw new Error(outcome.reason);
    },
  });
  return { queue, stop: () => queue.close() };
}
