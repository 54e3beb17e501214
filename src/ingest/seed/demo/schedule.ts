import type { DataSource } from 'typeorm';
import { startOfDay } from '../../../days';
import { nextRunAfter } from '../../../db/schedules/periods';
import { ReportRecipient } from '../../../db/schedules/report-recipient.entity';
import { ReportCadence, ReportSchedule } from '../../../db/schedules/report-schedule.entity';
import { DEMO_STORY, DEMO_USER_ID } from './story';

// The demo's scheduled report: the demo partner admin mails Contoso's week (the customer over its
// ROOM_SYSTEM limit) by subscription and license type to itself and Contoso's full admin and
// auditor, every Monday. Written as createReportSchedule would write it; seeding again leaves it.

export const DEMO_SCHEDULE_ID = 'rs-demo-contoso-weekly';

export async function writeDemoSchedule(ds: DataSource, today: string): Promise<number> {
  const schedules = ds.getRepository(ReportSchedule);
  if (await schedules.existsBy({ id: DEMO_SCHEDULE_ID })) return 1;
  const { customerId } = DEMO_STORY.overLicenseLimit;
  const [customer] = await ds.query('SELECT partner_id FROM customers WHERE id = ?', [customerId]);
  const created = startOfDay(today);
  await schedules.insert({
    id: DEMO_SCHEDULE_ID,
    name: 'Contoso weekly license usage',
    ownerId: DEMO_USER_ID,
    partnerId: customer.partner_id,
    customerId,
    filter: JSON.stringify({
      customerIds: null,
      subscriptionIds: null,
      regions: null,
      licenseTypes: null,
    }),
    groupBy: 'SUBSCRIPTION,LICENSE_TYPE',
    granularity: 'DAY',
    cadence: ReportCadence.WEEKLY,
    nextRunAt: nextRunAfter(ReportCadence.WEEKLY, created),
    stoppedAt: null,
    createdAt: created,
  });
  await ds.getRepository(ReportRecipient).insert(
    [DEMO_USER_ID, 'u-contoso-admin', 'u-contoso-auditor'].map((userId) => ({
      scheduleId: DEMO_SCHEDULE_ID,
      userId,
    })),
  );
  return 1;
}
