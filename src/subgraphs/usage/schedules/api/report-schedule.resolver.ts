import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../../graphql/context';
import { UsageDimension } from '../../../../graphql/enums';
import { badUserInput } from '../../../../graphql/errors';
import { viewerOf } from '../../../../graphql/viewer-of';
import { Customer } from '../../types/customer.type';
import { Partner } from '../../types/partner.type';
import { storedFilter, storedGroupBy } from '../schedule-report';
import { deliveryLoader, toDeliveryType } from './delivery-loader';
import { ReportDeliveryType } from './report-delivery.type';
import { ScheduledReportFilter } from './report-filter.type';
import { ReportScheduleType, UserRef } from './report-schedule.type';
import { readableSchedules, recipientLoader } from './schedule-rows';

/** Deliveries one schedule lists at most. */
const MAX_DELIVERIES = 100;

@Resolver(() => ReportScheduleType)
export class ReportScheduleResolver {
  @Query(() => [ReportScheduleType], {
    description:
      'Schedules of a scope: its full and read-only admins read them. partnerId: the ' +
      "partner's and its customers'; customerId: the customer's; neither: every one the " +
      'viewer may read. Out of scope is an empty list.',
  })
  reportSchedules(
    @Ctx() ctx: RequestContext,
    @Arg('partnerId', () => ID, { nullable: true }) partnerId?: string | null,
    @Arg('customerId', () => ID, { nullable: true }) customerId?: string | null,
  ): Promise<ReportScheduleType[]> {
    return readableSchedules(ctx.ds, viewerOf(ctx), { partnerId, customerId });
  }

  @FieldResolver(() => UserRef)
  owner(@Root() schedule: ReportScheduleType): UserRef {
    return { id: schedule.ownerId };
  }

  @FieldResolver(() => Partner, { nullable: true, description: 'Set when the scope is a partner' })
  partner(@Root() schedule: ReportScheduleType): Partner | null {
    return schedule.customerId === null ? { id: schedule.partnerId } : null;
  }

  @FieldResolver(() => Customer, {
    nullable: true,
    description: 'Set when the scope is a customer',
  })
  customer(@Root() schedule: ReportScheduleType): Customer | null {
    return schedule.customerId === null ? null : { id: schedule.customerId };
  }

  @FieldResolver(() => ScheduledReportFilter)
  filter(@Root() schedule: ReportScheduleType): ScheduledReportFilter {
    return storedFilter({ filter: schedule.filterJson });
  }

  @FieldResolver(() => [UsageDimension])
  groupBy(@Root() schedule: ReportScheduleType): UsageDimension[] {
    return storedGroupBy({ groupBy: schedule.groupByList });
  }

  @FieldResolver(() => [UserRef], {
    description: 'Those who still may read the scope (only they are mailed)',
  })
  async recipients(
    @Root() schedule: ReportScheduleType,
    @Ctx() ctx: RequestContext,
  ): Promise<UserRef[]> {
    const rows = await recipientLoader(ctx).load(schedule.id);
    return rows.map((row) => ({ id: row.user_id }));
  }

  @FieldResolver(() => [ReportDeliveryType], { description: 'Newest first' })
  async deliveries(
    @Root() schedule: ReportScheduleType,
    @Ctx() ctx: RequestContext,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) given: number | null,
  ): Promise<ReportDeliveryType[]> {
    const first = given ?? 20;
    if (first < 1 || first > MAX_DELIVERIES) {
      throw badUserInput(`first must be from 1 to ${MAX_DELIVERIES}`, { argumentName: 'first' });
    }
    const rows = await deliveryLoader(ctx, { first }).load(schedule.id);
    return rows.map(toDeliveryType);
  }
}
