// The queue scheduled report deliveries run on, behind one small interface: BullMQ on Redis when
// REDIS_URL is set (bullmq-queue.ts), otherwise a queue in this process (in-process-queue.ts).
// Either runs a repeatable "sweep" (the scheduler looking for periods that ended) and delivery
// jobs with retries and a doubling backoff. Neither is what makes a delivery happen once: that is
// the database's unique key (db/schedules/delivery-store.ts), so a duplicate job is harmless.

export interface DeliveryJob {
  scheduleId: string;
  /** The period's first and last day. */
  from: string;
  to: string;
}

export interface JobHandlers {
  /** Throws to have the job tried again after the backoff, up to the attempts. */
  deliver(job: DeliveryJob): Promise<void>;
  sweep(): Promise<void>;
}

export interface QueueSettings {
  attempts: number;
  backoffMs: number;
  sweepMs: number;
}

export interface JobQueue {
  readonly kind: 'redis' | 'in-process';
  /** Queues a delivery; the same schedule and period queued twice runs once where it can tell. */
  add(job: DeliveryJob): Promise<void>;
  /** Starts taking jobs and the repeatable sweep. */
  start(handlers: JobHandlers): Promise<void>;
  /** Stops taking jobs and waits for those under way. */
  close(): Promise<void>;
}

/** One job id per schedule and period (BullMQ forbids ':' in ids). */
export function deliveryJobId(job: DeliveryJob): string {
  return `deliver.${job.scheduleId}.${job.from}`;
}
