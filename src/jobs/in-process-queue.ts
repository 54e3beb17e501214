import type { DeliveryJob, JobHandlers, JobQueue, QueueSettings } from './job-queue';
import { deliveryJobId } from './job-queue';

// The queue without Redis (`npm start` with REDIS_URL unset): jobs live in this process and are
// lost when it stops (a queued period is not queued again: the sweep moved next_run_at on; BullMQ
// keeps its jobs in Redis). Retries and backoff as BullMQ would do them.

export class InProcessQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  private handlers: JobHandlers | null = null;
  private readonly queued = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private sweepTimer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly settings: QueueSettings) {}

  async add(job: DeliveryJob): Promise<void> {
    const id = deliveryJobId(job);
    if (this.closed || this.queued.has(id)) return;
    this.queued.add(id);
    this.later(0, () => this.attempt(id, job, 1));
  }

  async start(handlers: JobHandlers): Promise<void> {
    this.handlers = handlers;
    const sweep = () => this.track(handlers.sweep().catch(() => undefined));
    this.sweepTimer = setInterval(sweep, this.settings.sweepMs);
    sweep();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.running]);
  }

  private later(ms: number, run: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.closed) this.track(run());
    }, ms);
    this.timers.add(timer);
  }

  private track(work: Promise<void>): void {
    this.running.add(work);
    void work.finally(() => this.running.delete(work));
  }

  private async attempt(id: string, job: DeliveryJob, attempt: number): Promise<void> {
    try {
      await this.handlers!.deliver(job);
      this.queued.delete(id);
    } catch {
      if (attempt >= this.settings.attempts) {
        this.queued.delete(id);
        return;
      }
      const wait = this.settings.backoffMs * 2 ** (attempt - 1);
      this.later(wait, () => this.attempt(id, job, attempt + 1));
    }
  }
}
