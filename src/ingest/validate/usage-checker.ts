import type { SourceFacts, UsageRow } from '../../db/usage/usage-row';
import { toUsageRow } from '../../db/usage/usage-row';
import { NumberMap } from './number-map';
import type { UsageProblem } from './problems';
import { LICENSE_TYPE_BIT } from './source-catalog';
import type { SourceCatalog } from './source-catalog';
import type { CheckedUsage } from './usage-input';

// The checks a usage record needs the database for, shared by the file importer and the
// ingestUsage mutation: its source exists (and the caller may write to it), its subscription is
// entitled to its license type, and its key was not given before with another value. Records come
// in batches; the checker remembers every key it accepted across batches, compactly (16 bytes a
// key, outside the heap), so a file of millions of lines stays in bounded memory.

export interface UsageCandidate {
  /** Where the record is: its line in a file, its index in a mutation's list. */
  at: number;
  usage: CheckedUsage;
}

export interface UsageRejection extends UsageProblem {
  at: number;
}

export interface CheckedUsageBatch {
  /** Records to write, each with the columns its source gives it. */
  rows: UsageRow[];
  /** Repeats of an earlier record with the same value: nothing to write, counted unchanged. */
  repeats: number;
  rejected: UsageRejection[];
}

export interface UsageCheckerOptions {
  /** How a position is named in messages ("line 12", "record 3"). */
  describeAt?: (at: number) => string;
  /**
   * A source the caller may not know of is refused exactly as one that does not exist (same code,
   * same message), so that ids cannot be probed.
   */
  canSee?: (source: SourceFacts) => boolean;
  /** A source the caller may see but not write to is refused with FORBIDDEN_SOURCE. */
  canWrite?: (source: SourceFacts) => boolean;
}

// Key layout: day (22 bits, offset so that years 1000-9999 are positive), license type (3 bits),
// then the source's catalog index: exact in a double up to 2^28 sources.
const DAY_BITS = 2 ** 22;
const DAY_OFFSET = 2 ** 19;
// Value layout: consumed (at most MAX_COUNT < 2^24) and the position it came from.
const COUNT_BITS = 2 ** 24;

export class UsageBatchChecker {
  private readonly seen = new NumberMap();
  private readonly describeAt: (at: number) => string;

  constructor(
    private readonly catalog: SourceCatalog,
    private readonly options: UsageCheckerOptions = {},
  ) {
    this.describeAt = options.describeAt ?? ((at) => `record ${at}`);
  }

  async check(candidates: readonly UsageCandidate[]): Promise<CheckedUsageBatch> {
    await this.catalog.resolve(candidates.map((c) => c.usage.sourceId));
    const batch: CheckedUsageBatch = { rows: [], repeats: 0, rejected: [] };
    for (const { at, usage } of candidates) {
      const problem = this.problem(at, usage, batch);
      if (problem) batch.rejected.push({ ...problem, at });
    }
    return batch;
  }

  private problem(at: number, usage: CheckedUsage, batch: CheckedUsageBatch): UsageProblem | null {
    const source = this.catalog.get(usage.sourceId);
    if (!source || (this.options.canSee && !this.options.canSee(source))) {
      return {
        code: 'UNKNOWN_SOURCE',
        field: 'sourceId',
        message: `unknown cluster or tenant "${usage.sourceId}"`,
      };
    }
    if (this.options.canWrite && !this.options.canWrite(source)) {
      return {
        code: 'FORBIDDEN_SOURCE',
        field: 'sourceId',
        message: `may not report usage for "${usage.sourceId}"`,
      };
    }
    const typeBit = LICENSE_TYPE_BIT.get(usage.licenseType) as number;
    if ((source.licenseTypes & (1 << typeBit)) === 0) {
      return {
        code: 'LICENSE_TYPE_NOT_ON_SOURCE',
        field: 'licenseType',
        message: `subscription "${source.subscriptionId}" of "${source.id}" has no ${usage.licenseType} entitlement`,
      };
    }
    const key = (source.index * 8 + typeBit) * DAY_BITS + usage.epochDay + DAY_OFFSET;
    const earlier = this.seen.get(key);
    if (earlier !== undefined) {
      const earlierConsumed = earlier % COUNT_BITS;
      if (earlierConsumed === usage.consumed) {
        batch.repeats++;
        return null;
      }
      return {
        code: 'DUPLICATE_IN_BATCH',
        message:
          `${usage.sourceId} ${usage.licenseType} ${usage.day} was already given with consumed ` +
          `${earlierConsumed} at ${this.describeAt(Math.floor(earlier / COUNT_BITS))}`,
      };
    }
    this.seen.set(key, at * COUNT_BITS + usage.consumed);
    batch.rows.push(toUsageRow(usage, source));
    return null;
  }
}
