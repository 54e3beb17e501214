import type { DataSource } from 'typeorm';
import { upsertUsageRows } from '../../db/usage/usage-writer';
import type { UsageRow, UsageWriteCounts } from '../../db/usage/usage-row';
import { startOfDay } from '../../days';
import type { SourceUsagePlan } from './plan';
import { sourceRows } from './usage-series';

// Streams generated usage into the one usage write path. Rows are written in batches, each in its
// own transaction: one transaction for 3 million rows would hold locks and undo log for minutes,
// and a row per transaction would spend the time on commits. A re-run upserts the same values, so
// a seed that stopped halfway is finished by running it again.

/** Rows per transaction; upsertUsageRows splits them further into statements. */
export const SEED_BATCH_ROWS = 60_000;

export interface SeedUsageCounts extends UsageWriteCounts {
  rows: number;
}

/**
 * Writes every row of every source. A source's last report is stored as made at the start of its
 * last reported day, so that the data (last_reported_at included) depends on `today` alone.
 */
export async function writeSeedUsage(
  ds: DataSource,
  sources: Iterable<SourceUsagePlan>,
  onProgress?: (rowsWritten: number) => void,
): Promise<SeedUsageCounts> {
  const counts: SeedUsageCounts = { rows: 0, inserted: 0, updated: 0, unchanged: 0 };
  let batch: UsageRow[] = [];
  let batchLastDay = '';

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    const written = await ds.transaction((manager) =>
      upsertUsageRows(manager, rows, startOfDay(batchLastDay)),
    );
    counts.rows += rows.length;
    counts.inserted += written.inserted;
    counts.updated += written.updated;
    counts.unchanged += written.unchanged;
    onProgress?.(counts.rows);
  };

  for (const plan of sources) {
    // One batch marks all its sources as reported at one instant, so a source that stopped
    // reporting earlier than the others starts a batch of its own.
    if (plan.lastDay !== batchLastDay) await flush();
    batchLastDay = plan.lastDay;
    for (const row of sourceRows(plan)) {
      batch.push(row);
      if (batch.length >= SEED_BATCH_ROWS) await flush();
    }
  }
  await flush();
  return counts;
}
