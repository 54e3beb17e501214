import { ID_LENGTH } from '../../db/columns';
import { dayProblem } from '../../days';
import { show } from './problems';

// Checkers for the fields of imported records. Each one reports what is wrong at the field's path
// and returns INVALID, so that a record's every problem is found in one pass. Hand-written rather
// than a schema library: the records are few and flat, and the messages must name the field.

/** Ids are chosen by clients; this keeps them printable, short and safe in paths and keys. */
export const ID_PATTERN = new RegExp(`^[A-Za-z0-9][A-Za-z0-9._:-]{0,${ID_LENGTH - 1}}$`);
export const ID_RULE = `1 to ${ID_LENGTH} letters, digits, ".", "_", ":" or "-", starting with a letter or digit`;

/** The largest license count accepted (consumed, entitlement quantity): far above any real one. */
export const MAX_COUNT = 10_000_000;

export const INVALID = Symbol('invalid');
export type Sink = (path: string, message: string) => void;
export type Checker<T> = (value: unknown, path: string, sink: Sink) => T | typeof INVALID;

export function fieldPath(base: string, field: string | number): string {
  if (typeof field === 'number') return `${base}[${field}]`;
  return base ? `${base}.${field}` : field;
}

function fail(sink: Sink, path: string, message: string): typeof INVALID {
  sink(path, message);
  return INVALID;
}

function missing(value: unknown): boolean {
  return value === undefined || value === null;
}

export const id: Checker<string> = (value, path, sink) => {
  if (missing(value)) return fail(sink, path, 'is required');
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
    return fail(sink, path, `${show(value)} is not a valid id (${ID_RULE})`);
  }
  return value;
};

export function text(maxLength: number): Checker<string> {
  return (value, path, sink) => {
    if (missing(value)) return fail(sink, path, 'is required');
    if (typeof value !== 'string') return fail(sink, path, `must be a string, got ${show(value)}`);
    if (value.trim() === '') return fail(sink, path, 'must not be empty');
    if (value.length > maxLength) return fail(sink, path, `is longer than ${maxLength} characters`);
    return value;
  };
}

export function oneOf<E extends string>(typeName: string, values: Record<string, E>): Checker<E> {
  const allowed = new Set<string>(Object.values(values));
  return (value, path, sink) => {
    if (missing(value)) return fail(sink, path, 'is required');
    if (typeof value !== 'string' || !allowed.has(value)) {
      return fail(sink, path, `${show(value)} is not a ${typeName}`);
    }
    return value as E;
  };
}

export const day: Checker<string> = (value, path, sink) => {
  if (missing(value)) return fail(sink, path, 'is required');
  const problem = dayProblem(value);
  return problem ? fail(sink, path, problem) : (value as string);
};

/** Why `value` is not a license count, with the code the ingestUsage mutation reports. */
export function countProblem(
  value: unknown,
): { code: 'INVALID_RECORD' | 'NEGATIVE_COUNT' | 'COUNT_TOO_LARGE'; message: string } | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    return { code: 'INVALID_RECORD', message: `must be an integer, got ${show(value)}` };
  }
  if (value < 0) return { code: 'NEGATIVE_COUNT', message: `must not be negative, got ${value}` };
  if (value > MAX_COUNT) {
    return { code: 'COUNT_TOO_LARGE', message: `must be at most ${MAX_COUNT}, got ${value}` };
  }
  return undefined;
}

export const count: Checker<number> = (value, path, sink) => {
  if (missing(value)) return fail(sink, path, 'is required');
  const problem = countProblem(value);
  return problem ? fail(sink, path, problem.message) : (value as number);
};

// Deliberately plain ASCII: MySQL compares emails case- and accent-insensitively, which for ASCII
// is exactly "case-insensitive", the rule the importer applies on both databases.
const EMAIL_PATTERN = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;

export const email: Checker<string> = (value, path, sink) => {
  if (missing(value)) return fail(sink, path, 'is required');
  if (typeof value !== 'string' || value.length > 254 || !EMAIL_PATTERN.test(value)) {
    return fail(sink, path, `${show(value)} is not an email address`);
  }
  return value;
};

const HOSTNAME_PATTERN =
  /^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** Host names are case-insensitive (DNS); they are stored in lower case so that keys agree. */
export const hostname: Checker<string> = (value, path, sink) => {
  if (missing(value)) return fail(sink, path, 'is required');
  if (typeof value !== 'string' || !HOSTNAME_PATTERN.test(value)) {
    return fail(sink, path, `${show(value)} is not a host name`);
  }
  return value.toLowerCase();
};

/** Absent and null both mean "not given". */
export function optional<T>(checker: Checker<T>): Checker<T | null> {
  return (value, path, sink) => (missing(value) ? null : checker(value, path, sink));
}

export function listOf<T>(item: Checker<T>): Checker<T[]> {
  return (value, path, sink) => {
    if (missing(value)) return fail(sink, path, 'is required');
    if (!Array.isArray(value)) return fail(sink, path, 'must be a list');
    let ok = true;
    const items: T[] = [];
    value.forEach((raw, index) => {
      const checked = item(raw, fieldPath(path, index), sink);
      if (checked === INVALID) ok = false;
      else items.push(checked);
    });
    return ok ? items : INVALID;
  };
}

type Spec = Record<string, Checker<unknown>>;
export type RecordOf<S extends Spec> = {
  [K in keyof S]: Exclude<ReturnType<S[K]>, typeof INVALID>;
};

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly the fields of `spec` (those that are optional may be left out). */
export function record<S extends Spec>(spec: S): Checker<RecordOf<S>> {
  const fields = Object.keys(spec);
  return (value, path, sink) => {
    if (!isPlainObject(value)) return fail(sink, path, `must be an object, got ${show(value)}`);
    let ok = true;
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(spec, key)) {
        sink(fieldPath(path, key), `unknown field (expected ${fields.join(', ')})`);
        ok = false;
      }
    }
    const result: Record<string, unknown> = {};
    for (const field of fields) {
      const checked = spec[field](value[field], fieldPath(path, field), sink);
      if (checked === INVALID) ok = false;
      else result[field] = checked;
    }
    return ok ? (result as RecordOf<S>) : INVALID;
  };
}
