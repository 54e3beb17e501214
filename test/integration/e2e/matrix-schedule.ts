import type { DataSource } from 'typeorm';
import { lastEndedPeriod } from '../../../src/db/schedules/periods';
import { ReportCadence } from '../../../src/db/schedules/report-schedule.entity';

// A schedule of c-acme for the authorization matrix, owned by u-fa-acme and mailed to u-ro-acme,
// whose period that just ended (by the clock, as runReportSchedule takes it) is delivered already:
// running it answers that delivery and writes and mails nothing.

export async function matrixSchedule(ds: DataSource, id: string): Promise<void> {
  const now = new Date();
  const stamp = now.toISOString().replace('T', ' ').slice(0, 23);
  await ds.query(
    `INSERT INTO report_schedules (id, name, owner_id, partner_id, customer_id, filter, group_by,
                                   granularity, cadence, next_run_at, stopped_at, created_at)
     VALUES (?, 'Matrix', 'u-fa-acme', 'p-north', 'c-acme', '{}', 'LICENSE_TYPE', 'DAY', 'DAILY',
             ?, NULL, ?)`,
    [id, '2999-01-01 00:00:00.000', stamp],
  );
  await ds.query(`INSERT INTO report_recipients (schedule_id, user_id) VALUES (?, 'u-ro-acme')`, [
    id,
  ]);
  // Around midnight UTC the period could move on between here and the run: take both.
  const periods = [lastEndedPeriod(ReportCadence.DAILY, now)];
  const soon = lastEndedPeriod(ReportCadence.DAILY, new Date(now.getTime() + 60_000));
  if (soon.from !== periods[0].from) periods.push(soon);
  for (const period of periods) {
    await ds.query(
      `INSERT INTO report_deliveries (id, schedule_id, period_from, period_to, status, attempts,
                                      row_count, delivered_at, error, claimed_until, created_at)
       VALUES (?, ?, ?, ?, 'DELIVERED', 1, 0, ?, NULL, NULL, ?)`,
      [`${id}-${period.from}`, id, period.from, period.to, stamp, stamp],
    );
  }
}
