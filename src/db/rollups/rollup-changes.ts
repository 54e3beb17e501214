import type { LicenseType } from '../enums';
import { bucketStart } from './bucket-start';
import { RollupBucket } from './usage-bucket-last.entity';

/** The columns of a usage row that the rollups read. */
export interface RolledUpRow {
  sourceId: string;
  licenseType: LicenseType;
  day: string;
  consumed: number;
  customerId: string;
  partnerId: string;
  subscriptionId: string;
  region: string;
}

export interface DailyTotalDelta {
  partnerId: string;
  day: string;
  region: string;
  licenseType: LicenseType;
  consumed: number;
  rowCount: number;
}

/** A partner's day whose daily totals must be recounted (usage-daily-stale.entity.ts). */
export interface StaleDay {
  partnerId: string;
  day: string;
}

export interface BucketLastValue {
  sourceId: string;
  licenseType: LicenseType;
  bucket: RollupBucket;
  period: string;
  lastDay: string;
  consumed: number;
  customerId: string;
  partnerId: string;
  subscriptionId: string;
  region: string;
}

const BUCKETS = [RollupBucket.WEEK, RollupBucket.MONTH] as const;

/** The values of a map in the order of its keys. */
function inKeyOrder<T>(map: Map<string, T>): T[] {
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** The daily total a row counts in. */
export type DailyGroup = Pick<DailyTotalDelta, 'partnerId' | 'day' | 'region' | 'licenseType'>;

/**
 * What a set of usage writes changes in the rollups (db/rollups/*.entity.ts), gathered in memory
 * so that a write of many rows touches each rollup row once: the difference to each daily total
 * (or, where the difference is not known, the partner's day marked stale), and for each source's
 * week and month only the latest day written.
 */
export class RollupChanges {
  private readonly daily = new Map<string, DailyTotalDelta>();
  private readonly stale = new Map<string, StaleDay>();
  /** Per bucket: `period \0 source \0 license type` → the latest row written in it. */
  private readonly last = new Map<RollupBucket, Map<string, RolledUpRow>>(
    BUCKETS.map((bucket) => [bucket, new Map()]),
  );

  /** A usage row was written: `before` is what its key held (undefined: it is new). */
  add(before: RolledUpRow | undefined, after: RolledUpRow): void {
    if (before !== undefined) this.addToDaily(before, -before.consumed, -1);
    this.addToDaily(after, after.consumed, 1);
    this.addToLast(after);
  }

  /** A new usage row, for the daily totals only (its week and month are written elsewhere). */
  addToDailyOnly(after: RolledUpRow): void {
    this.addToDaily(after, after.consumed, 1);
  }

  /** `rowCount` rows summing to `consumed` left `group` (their source moved away). */
  takeOutOfDaily(group: DailyGroup, consumed: number, rowCount: number): void {
    this.addToDaily(group, -consumed, -rowCount);
  }

  /**
   * A usage row was written over whatever its key held, which is not known: its partner's day is
   * recounted later. Its week and month values need nothing old (the later day wins).
   */
  addOverUnknown(after: RolledUpRow): void {
    const key = `${after.partnerId}\u0000${after.day}`;
    if (!this.stale.has(key)) this.stale.set(key, { partnerId: after.partnerId, day: after.day });
    this.addToLast(after);
  }

  private addToLast(after: RolledUpRow): void {
    for (const [bucket, latest] of this.last) {
      const key = `${bucketStart(after.day, bucket)}\u0000${after.sourceId}\u0000${after.licenseType}`;
      const held = latest.get(key);
      if (held === undefined || held.day <= after.day) latest.set(key, after);
    }
  }

  get isEmpty(): boolean {
    return this.daily.size === 0 && this.stale.size === 0;
  }

  /** In key order, like dailyDeltas. */
  staleDays(): StaleDay[] {
    return inKeyOrder(this.stale);
  }

  /** Non-zero differences, in key order: writers that lock rows in one order cannot deadlock. */
  dailyDeltas(): DailyTotalDelta[] {
    return inKeyOrder(this.daily).filter((d) => d.consumed !== 0 || d.rowCount !== 0);
  }

  lastValues(): BucketLastValue[] {
    const values: BucketLastValue[] = [];
    for (const [bucket, latest] of this.last) {
      for (const key of [...latest.keys()].sort()) {
        const row = latest.get(key)!;
        values.push({
          sourceId: row.sourceId,
          licenseType: row.licenseType,
          bucket,
          period: key.slice(0, key.indexOf('\u0000')),
          lastDay: row.day,
          consumed: row.consumed,
          customerId: row.customerId,
          partnerId: row.partnerId,
          subscriptionId: row.subscriptionId,
          region: row.region,
        });
      }
    }
    return values;
  }

  private addToDaily(group: DailyGroup, consumed: number, rowCount: number): void {
    const key = `${group.partnerId}\u0000${group.day}\u0000${group.region}\u0000${group.licenseType}`;
    let delta = this.daily.get(key);
    if (delta === undefined) {
      delta = {
        partnerId: group.partnerId,
        day: group.day,
        region: group.region,
        licenseType: group.licenseType,
        consumed: 0,
        rowCount: 0,
      };
      this.daily.set(key, delta);
    }
    delta.consumed += consumed;
    delta.rowCount += rowCount;
  }
}
