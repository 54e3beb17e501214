import { statSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { readCsvUsage } from './bulk/csv';
import { readNdjsonUsage } from './bulk/ndjson';
import { UsageStreamImporter } from './bulk/usage-stream';
import type { UsageFileResult } from './bulk/usage-stream';
import { importDocument } from './document/import-document';
import { RECORD_KINDS, emptyCounts } from './document/result';
import type { KindCounts, RecordKind } from './document/result';
import type { ImportObserver } from './import-progress';
import { parseJson } from './json-text';
import { formatProblem } from './validate/problems';
import type { ImportProblem } from './validate/problems';

// `licensegraph import FILE...` (docs/contract/import-format.md): each file in the order given, by
// its extension. A JSON document is written whole or not at all; NDJSON and CSV usage store their
// good lines and report the bad ones, and when the database fails midway they say how many
// records the batches committed before it stored. Later files may refer to what earlier ones
// stored.

export type ImportFormat = 'json' | 'ndjson' | 'csv';

export interface FileSummary {
  file: string;
  format: ImportFormat | null;
  /** False when the file or any of its records was refused. */
  ok: boolean;
  /** Records read (JSON: all records, nested ones included; NDJSON/CSV: non-blank lines). */
  read: number;
  /** What happened per kind of record (NDJSON/CSV: usage only); zero counts when refused. */
  counts: Partial<Record<RecordKind, KindCounts>>;
  /** Records refused (NDJSON/CSV lines); for a refused JSON document, its number of problems. */
  rejected: number;
  /** Every problem with its location (at most the first 1,000 of a line-based file). */
  problems: ImportProblem[];
  /**
   * NDJSON/CSV: the import stopped on a failure (of the database, or of reading the file) after
   * storing what `counts` says, every good line through `throughLine`; importing the same file
   * again completes it.
   */
  failed?: { message: string; throughLine: number };
}

export interface ImportSummary {
  /** False when any file or record was refused: the command exits non-zero. */
  ok: boolean;
  files: FileSummary[];
}

const FORMATS: Record<string, ImportFormat> = {
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.csv': 'csv',
};

function formatCounts(kind: string, counts: KindCounts): string {
  const parts = (['inserted', 'updated', 'unchanged', 'removed'] as const)
    .filter((key) => counts[key] > 0)
    .map((key) => `${counts[key]} ${key}`);
  return `${kind} ${parts.join(', ') || 'none'}`;
}

async function importJson(ds: DataSource, file: string, now: Date): Promise<FileSummary> {
  const summary: FileSummary = {
    file,
    format: 'json',
    ok: false,
    read: 0,
    counts: {},
    rejected: 0,
    problems: [],
  };
  const text = (await fs.readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  const parsed = parseJson(text);
  if (!parsed.ok) {
    summary.problems = [
      { file, line: parsed.line, column: parsed.column, path: '', message: parsed.message },
    ];
    summary.rejected = 1;
    return summary;
  }
  const result = await importDocument(ds, parsed.value, file, { now });
  summary.ok = result.ok;
  summary.problems = result.problems;
  summary.rejected = result.problems.length;
  summary.read = RECORD_KINDS.reduce((n, kind) => n + result.counts[kind].read, 0);
  summary.counts = result.counts;
  return summary;
}

async function importUsage(
  ds: DataSource,
  file: string,
  format: 'ndjson' | 'csv',
  report: (line: string) => void,
  now: Date,
  observer?: ImportObserver,
): Promise<FileSummary> {
  const bytesTotal = fileSize(file);
  const importer = new UsageStreamImporter(ds, file, report, {
    now,
    onBatch: (read, bytesRead) => observer?.progress?.({ file, read, bytesRead, bytesTotal }),
    onBatchStored: (stored) => observer?.batchStored?.(file, stored),
  });
  let result: UsageFileResult;
  let failed: FileSummary['failed'];
  try {
    await (format === 'csv' ? readCsvUsage : readNdjsonUsage)(file, importer);
    result = await importer.finish();
  } catch (error) {
    // Batches committed before the failure stay stored: say exactly what they hold. When none
    // was, the file is reported as refused with nothing written, like any other failure.
    const stopped = await importer.stopped();
    if (stopped.progress.batches === 0) throw error;
    result = stopped.result;
    failed = { message: failureMessage(error), throughLine: stopped.progress.throughLine };
    const problem: ImportProblem = { file, path: '', message: failed.message };
    report(formatProblem(problem));
    result.problems.push(problem);
  }
  return {
    file,
    format,
    ok: !failed && !result.refused && result.rejected === 0,
    read: result.read,
    counts: {
      usage: {
        read: result.read,
        inserted: result.inserted,
        updated: result.updated,
        unchanged: result.unchanged,
        removed: 0,
      },
    },
    rejected: result.rejected,
    problems: result.problems,
    failed,
  };
}

/** What a usage file that failed midway left stored, and what to do about it. */
function failedLine(summary: FileSummary, usage: KindCounts): string {
  const stored = usage.inserted + usage.updated + usage.unchanged;
  const rejected = summary.rejected > 0 ? `; ${summary.rejected} rejected` : '';
  return (
    `${summary.file}: failed after ${summary.read} records read; ${stored} records of it are ` +
    `stored (every good line through line ${summary.failed?.throughLine}: ${usage.inserted} ` +
    `inserted, ${usage.updated} updated, ${usage.unchanged} unchanged)${rejected}, the rest is ` +
    'not. Importing the same file again completes it.'
  );
}

function summaryLine(summary: FileSummary): string {
  const { file, counts } = summary;
  if (summary.format === null) return `${file}: not imported`;
  if (summary.format === 'json') {
    if (!summary.ok)
      return `${file}: refused, nothing written (${summary.problems.length} problem${summary.problems.length === 1 ? '' : 's'})`;
    const kinds = RECORD_KINDS.filter(
      (kind) => (counts[kind]?.read ?? 0) > 0 || (counts[kind]?.removed ?? 0) > 0,
    );
    return `${file}: ${summary.read} records read; ${kinds.map((kind) => formatCounts(kind, counts[kind] as KindCounts)).join('; ') || 'nothing to import'}`;
  }
  const usage = counts.usage ?? emptyCounts().usage;
  if (summary.failed) return failedLine(summary, usage);
  if (summary.rejected === 0 && !summary.ok) return `${file}: refused, nothing written`;
  return `${file}: ${summary.read} records read; ${usage.inserted} inserted, ${usage.updated} updated, ${usage.unchanged} unchanged, ${summary.rejected} rejected`;
}

/**
 * Imports the files in order; `report` receives every problem and one summary line per file, the
 * optional `observer` how far each file got (for a progress line).
 */
export async function importFiles(
  ds: DataSource,
  files: string[],
  report: (line: string) => void,
  options: { now?: Date; observer?: ImportObserver } = {},
): Promise<ImportSummary> {
  const { observer } = options;
  const now = options.now ?? new Date();
  const summaries: FileSummary[] = [];
  for (const file of files) {
    const format = FORMATS[path.extname(file).toLowerCase()] ?? null;
    let summary: FileSummary;
    observer?.fileStarted?.(file, fileSize(file));
    try {
      if (format === null)
        throw new ImportRefusal('unsupported file type: expected .json, .ndjson or .csv');
      summary =
        format === 'json'
          ? await importJson(ds, file, now)
          : await importUsage(ds, file, format, report, now, observer);
      // Line-based files report their problems as they go; a document's are reported here.
      if (format === 'json') for (const problem of summary.problems) report(formatProblem(problem));
    } catch (error) {
      const problem: ImportProblem = { file, path: '', message: failureMessage(error) };
      report(formatProblem(problem));
      summary = { file, format, ok: false, read: 0, counts: {}, rejected: 0, problems: [problem] };
    }
    observer?.fileDone?.(file, { read: summary.read, ok: summary.ok });
    report(summaryLine(summary));
    summaries.push(summary);
  }
  return { ok: summaries.every((s) => s.ok), files: summaries };
}

class ImportRefusal extends Error {}

/** The size of a file in bytes, 0 when it cannot be read (the import then says why). */
function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** What went wrong, without internals: file errors by their code, others by their message. */
function failureMessage(error: unknown): string {
  if (error instanceof ImportRefusal) return error.message;
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'is a directory, not a file';
  if (code === 'EACCES') return 'cannot be read (permission denied)';
  return `import failed: ${(error as Error).message ?? String(error)}`;
}
