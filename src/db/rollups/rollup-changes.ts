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

/**
 * What a set of usage writes changes in the rollups (db/rollups/*.entity.ts), gathered in memory
 * so that a write of many rows touches each rollup row once: the difference to each daily total,
 * and for each source's week and month only the latest day written.
 */
export class RollupChanges {
  private readonly daily = new Map<string, DailyTotalDelta>();
  private readonly last = new Map<string, BucketLastValue>();

  /** A usage row was written: `before` is what its key held (undefined: it is new). */
  add(before: RolledUpRow | undefined, after: RolledUpRow): void {
    if (before !== undefined) this.addToDaily(before, -1);
    this.addToDaily(after, 1);
    for (const bucket of BUCKETS) {
      const period = bucketStart(after.day, bucket);
      const key = `${after.sourceId}\u0000${after.licenseType}\u0000${bucket}\u0000${period}`;
      const held = this.last.get(key);
      if (held !== undefined && held.lastDay > after.day) continue;
      this.last.set(key, {
        sourceId: after.sourceId,
        licenseType: after.licenseType,
        bucket,
        period,
        lastDay: after.day,
        consumed: after.consumed,
        customerId: after.customerId,
        partnerId: after.partnerId,
        subscriptionId: after.subscriptionId,
        region: after.region,
      });
    }
  }

  get isEmpty(): boolean {
    return this.daily.size === 0 && this.last.size === 0;
  }

  /** Non-zero differences, in key order: writers that lock rows in one order cannot deadlock. */
  dailyDeltas(): DailyTotalDelta[] {
    return [...this.daily.entries()]
      .filter(([, d]) => d.consumed !== 0 || d.rowCount !== 0)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, d]) => d);
  }

  lastValues(): BucketLastValue[] {
    return [...this.last.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, v]) => v);
  }

  private addToDaily(row: RolledUpRow, sign: 1 | -1): void {
    const key = `${row.partnerId}\u0000${row.day}\u0000${row.region}\u0000${row.licenseType}`;
    let delta = this.daily.get(key);
    if (delta === undefined) {
      delta = {
        partnerId: row.partnerId,
        day: row.day,
        region: row.region,
        licenseType: row.licenseType,
        consumed: 0,
        rowCount: 0,
      };
      this.daily.set(key, delta);
    }
    delta.consumed += sign * row.consumed;
    delta.rowCount += sign;
  }
}
