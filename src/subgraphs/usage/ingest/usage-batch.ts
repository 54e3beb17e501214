import { countIngested } from '../../../telemetry/metrics';
import type { DataSource } from 'typeorm';
import { inTransaction } from '../../../db/sql/transaction';
import type { SourceFacts, UsageWriteCounts } from '../../../db/usage/usage-row';
import { upsertUsageRows } from '../../../db/usage/usage-writer';
import type { UsageProblem, UsageRejectionCode } from '../../../ingest/validate/problems';
import { SourceCatalog, databaseSourceLoader } from '../../../ingest/validate/source-catalog';
import { UsageBatchChecker } from '../../../ingest/validate/usage-checker';
import type { UsageCandidate } from '../../../ingest/validate/usage-checker';
import { UsageInputChecker } from '../../../ingest/validate/usage-input';

// One batch of usage records from a collector (the ingestUsage mutation): the same checks and the
// same write path as the file importer, but the batch is one unit. Bad records are rejected with
// their index and the good ones stored; the store itself writes all of them or none (one
// transaction, run again when MySQL chose it as a deadlock victim).

export interface UsageBatchRejection {
  /** Position in the input list. */
  index: number;
  code: UsageRejectionCode;
  message: string;
}

export interface UsageBatchResult extends UsageWriteCounts {
  /** inserted + updated + unchanged */
  accepted: number;
  /** At most one per record, ordered by index. */
  rejected: UsageBatchRejection[];
}

export interface UsageBatchOptions {
  /** Days after the day following `now` (UTC) are INVALID_DATE; also the reported-at time. */
  now: Date;
  /** Whether the caller may know the source exists; a hidden one is UNKNOWN_SOURCE. */
  canSee: (source: SourceFacts) => boolean;
  /** Whether the caller may report usage for the source; else FORBIDDEN_SOURCE. */
  canWrite: (source: SourceFacts) => boolean;
}

/** "field: message", every problem of the record in one line. */
function describe(problems: readonly UsageProblem[]): string {
  return problems.map((p) => (p.field ? `${p.field}: ${p.message}` : p.message)).join('; ');
}

export async function ingestUsageBatch(
  ds: DataSource,
  records: readonly unknown[],
  options: UsageBatchOptions,
): Promise<UsageBatchResult> {
  const input = new UsageInputChecker(options.now);
  const rejected: UsageBatchRejection[] = [];
  const candidates: UsageCandidate[] = [];
  records.forEach((record, index) => {
    const checked = input.check(record);
    if (Array.isArray(checked)) {
      // One entry per record: the first problem's code, every problem in the message.
      rejected.push({ index, code: checked[0].code, message: describe(checked) });
    } else {
      candidates.push({ at: index, usage: checked });
    }
  });

  const checker = new UsageBatchChecker(new SourceCatalog(databaseSourceLoader(ds.manager)), {
    describeAt: (index) => `index ${index}`,
    canSee: options.canSee,
    canWrite: options.canWrite,
  });
  const batch = await checker.check(candidates);
  for (const problem of batch.rejected) {
    rejected.push({ index: problem.at, code: problem.code, message: describe([problem]) });
  }
  rejected.sort((a, b) => a.index - b.index);

  const written =
    batch.rows.length === 0
      ? { inserted: 0, updated: 0, unchanged: 0 }
      : await inTransaction(ds, (manager) => upsertUsageRows(manager, batch.rows, options.now));
  const unchanged = written.unchanged + batch.repeats;
  // Counted once the transaction committed: a failed batch wrote nothing.
  countIngested({ ...written, unchanged, rejected: rejected.length });
  return {
    accepted: written.inserted + written.updated + unchanged,
    inserted: written.inserted,
    updated: written.updated,
    unchanged,
    rejected,
  };
}
