import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { DataSource } from 'typeorm';
import type { Viewer } from '../../../../auth/load-viewer';
import { ReportSchedule } from '../../../../db/schedules/report-schedule.entity';
import type { RequestContext } from '../../../../graphql/context';
import { badUserInput, forbidden } from '../../../../graphql/errors';
import { viewerOf } from '../../../../graphql/viewer-of';
import { deliver } from '../deliver';
import { smtpMailer } from '../mailer';
import { lastEndedPeriod } from '../../../../db/schedules/periods';
import { scopeOf } from '../schedule-report';
import { CreateReportScheduleInput } from './create-report-schedule.input';
import { NOT_ADMIN, createSchedule } from './create-schedule';
import { ReportDeliveryType } from './report-delivery.type';
import { ReportScheduleType } from './report-schedule.type';
import { readableSchedules } from './schedule-rows';
import { toDeliveryType } from './delivery-loader';

/** The schedule, when the viewer may administer its scope; FORBIDDEN alike when it is not there. */
async function administered(ds: DataSource, viewer: Viewer, id: string): Promise<ReportSchedule> {
  const schedule = await ds.getRepository(ReportSchedule).findOneBy({ id });
  if (
    !schedule ||
    schedule.id !== id ||
    !viewer.scope.allows('scheduleReports', scopeOf(schedule))
  ) {
    throw forbidden(NOT_ADMIN);
  }
  return schedule;
}

@Resolver()
export class ScheduleMutationsResolver {
  @Mutation(() => ReportScheduleType, {
    description:
      'Full admins of the scope (PARTNER_FULL_ADMIN for a partner or its customers, FULL_ADMIN ' +
      'for a customer). Recipients must be users the viewer administers who may read the scope.',
  })
  async createReportSchedule(
    @Arg('input', () => CreateReportScheduleInput) input: CreateReportScheduleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportScheduleType> {
    const viewer = viewerOf(ctx);
    const id = await createSchedule(ctx.ds, viewer, input, new Date());
    const [created] = await readableSchedules(ctx.ds, viewer, { ids: [id] });
    return created!;
  }

  @Mutation(() => Boolean, { description: 'Deletes the schedule and its deliveries' })
  async deleteReportSchedule(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<boolean> {
    await administered(ctx.ds, viewerOf(ctx), id);
    await ctx.ds.getRepository(ReportSchedule).delete({ id });
    return true;
  }

  @Mutation(() => ReportDeliveryType, {
    description:
      'Deliver the period just ended now, as the scheduler would (idempotent per period: a ' +
      'delivered period is answered as it is; a failed one is tried again).',
  })
  async runReportSchedule(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ReportDeliveryType> {
    const schedule = await administered(ctx.ds, viewerOf(ctx), id);
    if (schedule.stoppedAt !== null) {
      throw badUserInput(
        'The schedule is stopped: its owner may no longer administer its scope. Create a new one',
      );
    }
    const settings = ctx.settings.reportMail;
    const outcome = await deliver(
      {
        ds: ctx.ds,
        sendMail: smtpMailer(settings),
        settings,
        reportTimeoutSeconds: ctx.settings.reports.timeoutSeconds,
      },
      schedule.id,
      lastEndedPeriod(schedule.cadence, new Date()),
    );
    if (outcome.kind === 'none') throw badUserInput('The schedule is stopped');
    return toDeliveryType({
      id: outcome.delivery.id,
      schedule_id: schedule.id,
      period_from: outcome.delivery.periodFrom,
      period_to: outcome.delivery.periodTo,
      status: outcome.delivery.status,
      attempts: outcome.delivery.attempts,
      row_count: outcome.delivery.rows,
      delivered_at: outcome.delivery.deliveredAt,
      error: outcome.delivery.error,
    });
  }
}
