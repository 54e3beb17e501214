import type { DataSource } from 'typeorm';
import { dateTimeParameter } from '../../db/sql/bulk';
import { inTransaction } from '../../db/sql/transaction';
import type { UsageRow } from '../../db/usage/usage-row';
import { upsertUsageRows } from '../../db/usage/usage-writer';
import { fieldPath } from '../validate/fields';
import type { Sink } from '../validate/fields';
import type { ImportProblem } from '../validate/problems';
import { SourceCatalog } from '../validate/source-catalog';
import { UsageBatchChecker } from '../validate/usage-checker';
import { UsageInputChecker } from '../validate/usage-input';
import { loadExisting } from './existing';
import { planWrites } from './plan';
import { checkReferences } from './references';
import type { DocumentImportResult } from './result';
import { emptyCounts } from './result';
import type { ParsedDocument } from './shape';
import { readDocument } from './shape';
import { executePlan } from './write';
import { DocumentWorld } from './world';

export interface ImportDocumentOptions {
  /** The present, for "more than one day in the future" and the time stamps written. */
  now?: Date;
}

/** Checks the document's usage records against the sources they name, as ingestUsage would. */
async function checkUsage(
  world: DocumentWorld,
  doc: ParsedDocument,
  sink: Sink,
): Promise<{ rows: UsageRow[]; repeats: number }> {
  if (doc.usage.length === 0) return { rows: [], repeats: 0 };
  const catalog = new SourceCatalog(async (ids) =>
    ids.flatMap((id) => {
      const facts = world.sourceFacts(id);
      return facts ? [{ facts, licenseTypes: world.entitledTypes(facts.subscriptionId) }] : [];
    }),
  );
  const checker = new UsageBatchChecker(catalog, {
    describeAt: (index) => fieldPath('usage', index),
  });
  const checked = await checker.check(doc.usage.map(({ index, usage }) => ({ at: index, usage })));
  const sourceAt = new Map(doc.usage.map(({ index, usage }) => [index, usage.sourceId]));
  for (const rejection of checked.rejected) {
    const path = fieldPath('usage', rejection.at);
    const sourceId = sourceAt.get(rejection.at) as string;
    // A source that is in the document but refused, or whose own parent is unknown, is reported
    // at that record.
    if (
      rejection.code === 'UNKNOWN_SOURCE' &&
      (doc.refusedIds.has(sourceId) || world.source(sourceId))
    )
      continue;
    sink(rejection.field ? fieldPath(path, rejection.field) : path, rejection.message);
  }
  return { rows: checked.rows, repeats: checked.repeats };
}

/**
 * Validates a parsed JSON document (docs/contract/import-format.md) and writes it in one
 * transaction: records upserted by id, entitlements and servers replaced by their parent's list,
 * usage through the usage writer. When anything is wrong nothing is written and every problem is
 * returned, each located by its path in the document (`origin` names the document in them).
 */
export async function importDocument(
  ds: DataSource,
  doc: unknown,
  origin: string,
  options: ImportDocumentOptions = {},
): Promise<DocumentImportResult> {
  const now = options.now ?? new Date();
  return inTransaction(ds, async (manager) => {
    const counts = emptyCounts();
    const problems: ImportProblem[] = [];
    const sink: Sink = (path, message) => problems.push({ file: origin, path, message });
    const parsed = readDocument(doc, new UsageInputChecker(now), counts, sink);
    const world = new DocumentWorld(parsed, await loadExisting(manager, parsed));
    checkReferences(world, sink);
    const usage = await checkUsage(world, parsed, sink);
    if (problems.length > 0) return { ok: false, problems, counts };

    const plan = planWrites(world, counts, dateTimeParameter(manager, now));
    await executePlan(manager, plan);
    const written = await upsertUsageRows(manager, usage.rows, now);
    counts.usage.inserted = written.inserted;
    counts.usage.updated = written.updated;
    counts.usage.unchanged = written.unchanged + usage.repeats;
    return { ok: true, problems, counts };
  });
}
