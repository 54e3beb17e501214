import { LicenseType } from '../../db/enums';
import { toUsageRow } from '../../db/usage/usage-row';
import type { UsageRow } from '../../db/usage/usage-row';
import { addDays, daysBetween, isWeekend } from '../../days';
import type { SeriesSpec, SourceUsagePlan } from './plan';
import { Random } from './prng';

// Daily consumption that looks reported rather than drawn: a straight trend from `first` to
// `last`, a weekend dip, and a slow wobble around the trend. Each series draws from its own
// generator, seeded by source and license type, so the values do not depend on the order in which
// sources are written or on which other sources exist.

// Licenses are assigned, not dialled: user licenses dip a little at weekends (fewer active
// devices), common-area phones and room systems stay put.
const STYLE: Record<LicenseType, Pick<SeriesSpec, 'weekendDip' | 'noise'>> = {
  [LicenseType.PROFESSIONAL]: { weekendDip: 0.03, noise: 0.015 },
  [LicenseType.STANDARD]: { weekendDip: 0.04, noise: 0.02 },
  [LicenseType.BASIC]: { weekendDip: 0.03, noise: 0.02 },
  [LicenseType.COMMON_AREA]: { weekendDip: 0, noise: 0.01 },
  [LicenseType.ROOM_SYSTEM]: { weekendDip: 0, noise: 0.01 },
  [LicenseType.SPEECH_VIEW]: { weekendDip: 0.02, noise: 0.02 },
};

/** A series in the usual style of its license type. */
export function seriesSpec(
  licenseType: LicenseType,
  first: number,
  last: number,
  idleFrom?: string,
): SeriesSpec {
  return { licenseType, first, last, ...STYLE[licenseType], ...(idleFrom ? { idleFrom } : {}) };
}

/** The wobble follows w' = 0.7·w + 0.3·u with u uniform in [-1, 1], so |w| never exceeds 1. */
const WOBBLE_MEMORY = 0.7;

function seriesValue(spec: SeriesSpec, progress: number, wobble: number, weekend: boolean): number {
  const trend = spec.first + (spec.last - spec.first) * progress;
  const dip = weekend ? 1 - spec.weekendDip : 1;
  return Math.max(0, Math.round(trend * (1 + spec.noise * wobble) * dip));
}

interface CalendarDay {
  day: string;
  weekend: boolean;
}

function calendar(firstDay: string, lastDay: string): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) {
    days.push({ day, weekend: isWeekend(day) });
  }
  return days;
}

function* seriesRows(
  plan: SourceUsagePlan,
  spec: SeriesSpec,
  days: CalendarDay[],
): Generator<UsageRow> {
  const random = new Random(`${plan.source.id}/${spec.licenseType}`);
  const span = Math.max(1, days.length - 1);
  let wobble = 0;
  for (let offset = 0; offset < days.length; offset++) {
    const { day, weekend } = days[offset];
    wobble = WOBBLE_MEMORY * wobble + (1 - WOBBLE_MEMORY) * random.signed();
    const idle = spec.idleFrom !== undefined && day >= spec.idleFrom;
    const consumed = idle ? 0 : seriesValue(spec, offset / span, wobble, weekend);
    yield toUsageRow(
      { sourceId: plan.source.id, licenseType: spec.licenseType, day, consumed },
      plan.source,
    );
  }
}

/** Every usage row of one source: each license type in turn, day by day. */
export function* sourceRows(plan: SourceUsagePlan): Generator<UsageRow> {
  const days = calendar(plan.firstDay, plan.lastDay);
  for (const spec of plan.series) yield* seriesRows(plan, spec, days);
}

export function sourceRowCount(plan: SourceUsagePlan): number {
  return plan.series.length * (daysBetween(plan.firstDay, plan.lastDay) + 1);
}
