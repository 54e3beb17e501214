import { formatEpochDay, monthStart, nextMonthStart, utcEpochDay, weekStart } from '../../days';
import { ReportCadence } from './report-schedule.entity';

// The periods a schedule reports on, in UTC calendar days: the day, the Monday-to-Sunday week or
// the calendar month. A period ends at midnight UTC after its last day; that instant is when it
// is due (next_run_at).

const MS_PER_DAY = 86_400_000;

export interface Period {
  /** First day, included. */
  from: string;
  /** Last day, included. */
  to: string;
}

/** The first day of the period `day` falls in. */
function periodStart(cadence: ReportCadence, day: number): number {
  switch (cadence) {
    case ReportCadence.DAILY:
      return day;
    case ReportCadence.WEEKLY:
      return weekStart(day);
    case ReportCadence.MONTHLY:
      return monthStart(day);
  }
}

/** The first day after the period starting on `start`. */
function periodEnd(cadence: ReportCadence, start: number): number {
  switch (cadence) {
    case ReportCadence.DAILY:
      return start + 1;
    case ReportCadence.WEEKLY:
      return start + 7;
    case ReportCadence.MONTHLY:
      return nextMonthStart(start);
  }
}

/** When the period running at `now` ends: a new schedule's first run. */
export function nextRunAfter(cadence: ReportCadence, now: Date): Date {
  return new Date(periodEnd(cadence, periodStart(cadence, utcEpochDay(now))) * MS_PER_DAY);
}

/** The last period that ended at or before `now`: what runReportSchedule delivers. */
export function lastEndedPeriod(cadence: ReportCadence, now: Date): Period {
  const current = periodStart(cadence, utcEpochDay(now));
  const start = periodStart(cadence, current - 1);
  return { from: formatEpochDay(start), to: formatEpochDay(current - 1) };
}

/** The period that ends at `end` (a due next_run_at), and when the one after it ends. */
export function periodEndingAt(cadence: ReportCadence, end: Date): { period: Period; next: Date } {
  const period = lastEndedPeriod(cadence, end);
  return { period, next: nextRunAfter(cadence, end) };
}
