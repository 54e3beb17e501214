import { LICENSE_TYPES } from '../../db/enums';
import type { LicenseType } from '../../db/enums';
import type { UsageRecord } from '../../db/usage/usage-row';
import { dayProblem, epochDay, formatEpochDay, utcEpochDay } from '../../days';
import { ID_PATTERN, ID_RULE, countProblem, isPlainObject } from './fields';
import { show } from './problems';
import type { UsageProblem } from './problems';

// The checks one usage record passes on its own, before anything is looked up: the fields of the
// contract's usage record ({ sourceId, licenseType, date, consumed }), a real day no later than
// tomorrow (UTC), a count from 0 to MAX_COUNT. This runs once per line of files with millions of
// lines, so it allocates nothing for a good record but the record itself.

export const USAGE_FIELDS = ['sourceId', 'licenseType', 'date', 'consumed'] as const;

/** A usage record that passed the field checks, with its day as a number for keys and ranges. */
export interface CheckedUsage extends UsageRecord {
  epochDay: number;
}

const LICENSE_TYPE_SET: ReadonlySet<string> = new Set(LICENSE_TYPES);

/** Distinct days seen are few; past this many the cache starts again rather than grow. */
const DAY_CACHE_LIMIT = 10_000;

export class UsageInputChecker {
  private readonly days = new Map<string, number>();
  private readonly latestDay: number;

  /** @param now reports dated after the day following `now` (UTC) are refused */
  constructor(now: Date = new Date()) {
    this.latestDay = utcEpochDay(now) + 1;
  }

  check(input: unknown): CheckedUsage | UsageProblem[] {
    if (!isPlainObject(input)) {
      return [
        {
          code: 'INVALID_RECORD',
          message: `expected an object with ${USAGE_FIELDS.join(', ')}, got ${show(input)}`,
        },
      ];
    }
    let problems: UsageProblem[] | undefined;
    const add = (problem: UsageProblem) => (problems ??= []).push(problem);
    for (const key in input) {
      if (key !== 'sourceId' && key !== 'licenseType' && key !== 'date' && key !== 'consumed') {
        add({ code: 'INVALID_RECORD', field: key, message: 'unknown field' });
      }
    }
    const { sourceId, licenseType, date, consumed } = input;

    if (sourceId === undefined || sourceId === null) {
      add({ code: 'INVALID_RECORD', field: 'sourceId', message: 'is required' });
    } else if (typeof sourceId !== 'string' || !ID_PATTERN.test(sourceId)) {
      // A malformed id names no source, which is what the mutation's code says.
      add({
        code: typeof sourceId === 'string' ? 'UNKNOWN_SOURCE' : 'INVALID_RECORD',
        field: 'sourceId',
        message: `${show(sourceId)} is not a valid id (${ID_RULE})`,
      });
    }

    if (licenseType === undefined || licenseType === null) {
      add({ code: 'INVALID_RECORD', field: 'licenseType', message: 'is required' });
    } else if (typeof licenseType !== 'string' || !LICENSE_TYPE_SET.has(licenseType)) {
      add({
        code: 'INVALID_RECORD',
        field: 'licenseType',
        message: `${show(licenseType)} is not a LicenseType`,
      });
    }

    const day = this.day(date);
    if (typeof day === 'string') add({ code: 'INVALID_DATE', field: 'date', message: day });

    if (consumed === undefined || consumed === null) {
      add({ code: 'INVALID_RECORD', field: 'consumed', message: 'is required' });
    } else {
      const problem = countProblem(consumed);
      if (problem) add({ ...problem, field: 'consumed' });
    }

    if (problems) return problems;
    return {
      sourceId: sourceId as string,
      licenseType: licenseType as LicenseType,
      day: date as string,
      consumed: consumed as number,
      epochDay: day as number,
    };
  }

  /** The day as a number, or why it is refused. */
  private day(date: unknown): number | string {
    if (date === undefined || date === null) return 'is required';
    if (typeof date === 'string') {
      let day = this.days.get(date);
      if (day === undefined) {
        day = epochDay(date);
        if (day === undefined) return dayProblem(date) as string;
        if (this.days.size >= DAY_CACHE_LIMIT) this.days.clear();
        this.days.set(date, day);
      }
      if (day > this.latestDay) {
        return `"${date}" is more than one day in the future (the latest day accepted is ${formatEpochDay(this.latestDay)})`;
      }
      return day;
    }
    return dayProblem(date) as string;
  }
}
