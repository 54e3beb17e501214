import type { ImportProblem } from '../validate/problems';

/** The kinds of record a JSON document holds (entitlements and servers nested in their parents). */
export const RECORD_KINDS = [
  'partners',
  'customers',
  'subscriptions',
  'entitlements',
  'clusters',
  'servers',
  'tenants',
  'users',
  'roleAssignments',
  'usage',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export interface KindCounts {
  /** Records of this kind in the input. */
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Entitlements and servers stored before but left out of their parent's new list. */
  removed: number;
}

export type DocumentCounts = Record<RecordKind, KindCounts>;

export interface DocumentImportResult {
  /** True when the document was written; false when it was refused and nothing was written. */
  ok: boolean;
  /** Every problem found, each with its location; empty when ok. */
  problems: ImportProblem[];
  counts: DocumentCounts;
}

export function emptyCounts(): DocumentCounts {
  const counts = {} as DocumentCounts;
  for (const kind of RECORD_KINDS) {
    counts[kind] = { read: 0, inserted: 0, updated: 0, unchanged: 0, removed: 0 };
  }
  return counts;
}
