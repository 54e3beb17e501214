import { IsNull, LessThanOrEqual } from 'typeorm';
import type { DataSource } from 'typeorm';
import { ReportSchedule } from '../../../db/schedules/report-schedule.entity';
import type { DeliveryJob } from '../../../jobs/job-queue';
import { periodEndingAt } from '../../../db/schedules/periods';

// The scheduler: schedules whose period ended (next_run_at reached) get a delivery job for that
// period, then next_run_at moves on by one period. The job is queued first, so that a sweep that
// dies in between queues the period again rather than skip it (the delivery row keeps it once).
// The move is conditional on next_run_at as read, so two sweeps at once move it once. A worker
// that was down for several periods catches up one period per schedule per sweep.

/** Schedules handled per sweep, so that one sweep stays short. */
const SWEEP_BATCH = 200;

export async function sweepDue(
  ds: DataSource,
  add: (job: DeliveryJob) => Promise<void>,
  now: Date,
): Promise<number> {
  const repository = ds.getRepository(ReportSchedule);
  const due = await repository.find({
    where: { stoppedAt: IsNull(), nextRunAt: LessThanOrEqual(now) },
    order: { nextRunAt: 'ASC', id: 'ASC' },
    take: SWEEP_BATCH,
  });
  for (const schedule of due) {
    const { period, next } = periodEndingAt(schedule.cadence, schedule.nextRunAt);
    await add({ scheduleId: schedule.id, ...period });
    await repository.update(
      { id: schedule.id, nextRunAt: schedule.nextRunAt },
      { nextRunAt: next },
    );
  }
  return due.length;
}
