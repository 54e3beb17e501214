import { In } from 'typeorm';
import type { DataSource } from 'typeorm';
import { loadViewer } from '../../../auth/load-viewer';
import { scopeReaders } from '../../../auth/scope-readers';
import type { ReportMailSettings } from '../../../config';
import { User } from '../../../db/entities/user.entity';
import { claimDelivery, deliveryOf, finishDelivery } from '../../../db/schedules/delivery-store';
import { DeliveryStatus } from '../../../db/schedules/report-delivery.entity';
import type { ReportDelivery } from '../../../db/schedules/report-delivery.entity';
import { ReportRecipient } from '../../../db/schedules/report-recipient.entity';
import { ReportSchedule } from '../../../db/schedules/report-schedule.entity';
import { MailError } from './mailer';
import type { SendMail } from './mailer';
import type { Period } from '../../../db/schedules/periods';
import { scheduleReportCsv, scopeOf } from './schedule-report';

// One delivery: the report of one schedule for one period, mailed once. Whoever runs it (a queue
// worker, a retried job, a second worker racing the first, runReportSchedule) goes through the
// delivery row's claim (db/schedules/delivery-store.ts); only its holder builds and sends.
// Access is checked here, at every delivery, from the role assignments as they are now: an owner
// who may no longer administer the scope stops the schedule; a recipient who may no longer read
// it is left out.

export interface DeliveryDeps {
  ds: DataSource;
  sendMail: SendMail;
  settings: Pick<ReportMailSettings, 'leaseMs'>;
  /** REPORT_TIMEOUT_SECONDS: how long the report's statement may run (MySQL). */
  reportTimeoutSeconds: number;
  now?: () => Date;
}

export type DeliveryOutcome =
  /** The schedule is gone or stopped: nothing to do. */
  | { kind: 'none' }
  /** Delivered now or earlier, or failed for good: do not retry. */
  | { kind: 'done'; delivery: ReportDelivery }
  /** Another sender holds it, or sending failed: try again later. */
  | { kind: 'retry'; delivery: ReportDelivery; reason: string };

export const OWNER_LOST_ACCESS =
  "The schedule's owner may no longer administer its scope: the schedule is stopped";
const NO_RECIPIENT = 'No recipient may read the scope any longer';

async function allowedRecipients(ds: DataSource, schedule: ReportSchedule) {
  const ids = (await ds.getRepository(ReportRecipient).findBy({ scheduleId: schedule.id })).map(
    (r) => r.userId,
  );
  const readers = await scopeReaders(ds, scopeOf(schedule), ids);
  if (readers.size === 0) return [];
  return ds.getRepository(User).find({ where: { id: In([...readers]) }, order: { id: 'ASC' } });
}

function subject(schedule: ReportSchedule, period: Period): string {
  const days = period.from === period.to ? period.from : `${period.from} to ${period.to}`;
  return `${schedule.name}: license usage ${days}`;
}

export async function deliver(
  deps: DeliveryDeps,
  scheduleId: string,
  period: Period,
): Promise<DeliveryOutcome> {
  const { ds } = deps;
  const now = deps.now?.() ?? new Date();
  const schedule = await ds.getRepository(ReportSchedule).findOneBy({ id: scheduleId });
  if (!schedule || schedule.stoppedAt !== null) return { kind: 'none' };
  const claim = await claimDelivery(ds, { scheduleId, ...period }, now, deps.settings.leaseMs);
  if (!claim.held) {
    return claim.delivery.status === DeliveryStatus.DELIVERED
      ? { kind: 'done', delivery: claim.delivery }
      : { kind: 'retry', delivery: claim.delivery, reason: 'Another sender holds the delivery' };
  }
  const finish = async (
    outcome: Parameters<typeof finishDelivery>[2],
    kind: 'done' | 'retry',
  ): Promise<DeliveryOutcome> => {
    await finishDelivery(ds, claim.delivery, outcome);
    const delivery = await deliveryOf(ds, claim.delivery.id);
    const reason = outcome.status === DeliveryStatus.FAILED ? outcome.error : '';
    return kind === 'done' ? { kind, delivery } : { kind, delivery, reason };
  };

  const owner = await loadViewer(ds, schedule.ownerId);
  if (!owner?.scope.allows('scheduleReports', scopeOf(schedule))) {
    await ds.getRepository(ReportSchedule).update({ id: schedule.id }, { stoppedAt: now });
    return finish({ status: DeliveryStatus.FAILED, error: OWNER_LOST_ACCESS }, 'done');
  }
  const recipients = await allowedRecipients(ds, schedule);
  if (recipients.length === 0) {
    return finish({ status: DeliveryStatus.FAILED, error: NO_RECIPIENT }, 'done');
  }
  let report: { csv: string; rows: number };
  try {
    report = await scheduleReportCsv(ds, schedule, period, deps.reportTimeoutSeconds);
  } catch {
    const error = 'The report could not be built';
    return finish({ status: DeliveryStatus.FAILED, error }, 'retry');
  }
  try {
    await deps.sendMail({
      to: recipients.map((user) => ({ name: user.displayName, address: user.email })),
      subject: subject(schedule, period),
      text:
        `${subject(schedule, period)}: ${report.rows} rows, attached as CSV ` +
        `(the columns of GET /reports/usage.csv).`,
      attachment: { filename: `usage-${period.from}-${period.to}.csv`, content: report.csv },
    });
  } catch (error) {
    const reason = error instanceof MailError ? error.message : 'Sending failed';
    return finish({ status: DeliveryStatus.FAILED, error: reason, rows: report.rows }, 'retry');
  }
  return finish(
    { status: DeliveryStatus.DELIVERED, rows: report.rows, at: deps.now?.() ?? new Date() },
    'done',
  );
}
