import { BullmqQueue } from './bullmq-queue';
import { InProcessQueue } from './in-process-queue';
import type { JobQueue, QueueSettings } from './job-queue';

/** BullMQ when there is a Redis to share, else the in-process queue. */
export function openJobQueue(
  settings: QueueSettings & { redisUrl: string | null; queuePrefix: string },
): JobQueue {
  return settings.redisUrl === null
    ? new InProcessQueue(settings)
    : new BullmqQueue(settings.redisUrl, settings.queuePrefix, settings);
}
