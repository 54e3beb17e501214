import type { LicenseType, SourceType } from '../enums';

/** A usage snapshot as the reporter sends it: which source, which license type, which day. */
export interface UsageRecord {
  sourceId: string;
  licenseType: LicenseType;
  /** 'YYYY-MM-DD' */
  day: string;
  consumed: number;
}

/** What the usage table denormalises from the source (never from the reporter's input). */
export interface SourceFacts {
  id: string;
  sourceType: SourceType;
  subscriptionId: string;
  customerId: string;
  partnerId: string;
  region: string;
}

/** A row of license_usage, ready to write. */
export type UsageRow = UsageRecord & Omit<SourceFacts, 'id'>;

export interface UsageWriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export function usageKey(record: Pick<UsageRecord, 'sourceId' | 'licenseType' | 'day'>): string {
  return `${record.sourceId}\u0000${record.licenseType}\u0000${record.day}`;
}

export function toUsageRow(record: UsageRecord, source: SourceFacts): UsageRow {
  return {
    sourceId: record.sourceId,
    licenseType: record.licenseType,
    day: record.day,
    consumed: record.consumed,
    sourceType: source.sourceType,
    subscriptionId: source.subscriptionId,
    customerId: source.customerId,
    partnerId: source.partnerId,
    region: source.region,
  };
}
