import { Queue, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import type { DeliveryJob, JobHandlers, JobQueue, QueueSettings } from './job-queue';
import { deliveryJobId } from './job-queue';

// BullMQ on Redis (REDIS_URL): any number of `licensegraph worker` processes share the jobs. The
// sweep is a job scheduler (a repeatable job) that BullMQ runs on one worker each interval;
// deliveries are jobs with attempts and an exponential backoff, and one job id per schedule and
// period, so that a sweep that runs twice queues a period once.

export const QUEUE_NAME = 'report-deliveries';
const SWEEP = 'sweep';
const DELIVER = 'deliver';
/** Finished jobs kept for inspection (the deliveries table is the record). */
const KEEP = { count: 1000 };

export class BullmqQueue implements JobQueue {
  readonly kind = 'redis' as const;
  private readonly queue: Queue;
  private worker: Worker | null = null;

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
    private readonly settings: QueueSettings,
  ) {
    this.queue = new Queue(QUEUE_NAME, { connection: this.connection(), prefix });
  }

  private connection() {
    // Workers block on Redis; BullMQ needs ioredis to retry their commands for ever.
    return { url: this.redisUrl, maxRetriesPerRequest: null };
  }

  async add(job: DeliveryJob): Promise<void> {
    await this.queue.add(DELIVER, job, {
      jobId: deliveryJobId(job),
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: KEEP,
      removeOnFail: KEEP,
    });
  }

  async start(handlers: JobHandlers): Promise<void> {
    await this.queue.upsertJobScheduler(
      SWEEP,
      { every: this.settings.sweepMs },
      { name: SWEEP, opts: { removeOnComplete: KEEP, removeOnFail: KEEP } },
    );
    this.worker = new Worker(
      QUEUE_NAME,
      async (job: Job) => {
        if (job.name === SWEEP) return handlers.sweep();
        if (job.name === DELIVER) return handlers.deliver(job.data as DeliveryJob);
      },
      { connection: this.connection(), prefix: this.prefix },
    );
    // A failed job is recorded in the deliveries table; the event would only repeat it.
    this.worker.on('error', () => undefined);
    await this.worker.waitUntilReady();
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
