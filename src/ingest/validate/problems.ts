/**
 * Why a usage record was refused. The ingestUsage mutation returns these codes as they are; the
 * file importer prints the message. INVALID_RECORD covers what GraphQL input types already rule
 * out for the mutation (a record that is not an object, a missing or unknown field, a value of
 * the wrong type or not in its enum).
 */
export type UsageRejectionCode =
  | 'INVALID_RECORD'
  | 'UNKNOWN_SOURCE'
  | 'FORBIDDEN_SOURCE'
  | 'INVALID_DATE'
  | 'NEGATIVE_COUNT'
  | 'COUNT_TOO_LARGE'
  | 'DUPLICATE_IN_BATCH'
  | 'LICENSE_TYPE_NOT_ON_SOURCE';

/** Something wrong with one usage record; `field` is absent when the record as a whole is wrong. */
export interface UsageProblem {
  code: UsageRejectionCode;
  field?: string;
  message: string;
}

/** One thing wrong with an imported file, and where it is. */
export interface ImportProblem {
  /** The file (or the origin a caller gave importDocument). */
  file: string;
  /** 1-based line (NDJSON and CSV lines, JSON syntax errors). */
  line?: number;
  column?: number;
  /** Where in a JSON document ('customers[2].partnerId'), or the field of a line; '' for none. */
  path: string;
  message: string;
  code?: UsageRejectionCode;
}

/** `file: path: message`, `file:line: field: message` or `file:line:column: message`. */
export function formatProblem(problem: ImportProblem): string {
  let where = problem.file;
  if (problem.line !== undefined) where += `:${problem.line}`;
  if (problem.column !== undefined) where += `:${problem.column}`;
  return problem.path
    ? `${where}: ${problem.path}: ${problem.message}`
    : `${where}: ${problem.message}`;
}

/** A value as it appears in a message: JSON, cut short so a huge value cannot flood the report. */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
