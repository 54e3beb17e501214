import type { EntityManager } from 'typeorm';
import { isMysql } from '../dialect';
import { placeholders } from './placeholders';

// The few statement shapes the importer needs, written once for MySQL and SQLite. Every statement
// takes its rows or ids in bounded chunks, so the number of statements grows with the size of the
// input in steps of a chunk, never per row. Table and column names come from this code, never
// from input; values always go in as parameters.

/** Ids per `IN (...)` list. */
export const IN_LIST_CHUNK = 1000;

/** Bound parameters per statement, well below SQLite's 32,766 and mysql2's packet limits. */
const MAX_PARAMETERS = 12_000;

export function chunked<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

/** Runs `sql(inList)` once per chunk of ids and concatenates the rows. */
export async function selectWhereIn<T>(
  manager: EntityManager,
  ids: Iterable<string>,
  sql: (inList: string) => string,
): Promise<T[]> {
  const rows: T[] = [];
  for (const chunk of chunked([...new Set(ids)], IN_LIST_CHUNK)) {
    rows.push(...((await manager.query(sql(placeholders(chunk.length)), chunk)) as T[]));
  }
  return rows;
}

export async function deleteWhereIn(
  manager: EntityManager,
  table: string,
  column: string,
  ids: ReadonlyArray<string | number>,
): Promise<void> {
  for (const chunk of chunked(ids, IN_LIST_CHUNK)) {
    await manager.query(
      `DELETE FROM ${table} WHERE ${column} IN (${placeholders(chunk.length)})`,
      chunk,
    );
  }
}

function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(MAX_PARAMETERS / columns));
}

function valuesList(rows: unknown[][], columns: number): string {
  const tuple = `(${placeholders(columns)})`;
  return new Array<string>(rows.length).fill(tuple).join(',');
}

/** Multi-row inserts, ended by `onConflict` (an ON DUPLICATE KEY / ON CONFLICT clause) if any. */
export async function insertRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  rows: unknown[][],
  onConflict = '',
): Promise<void> {
  for (const chunk of chunked(rows, rowsPerStatement(columns.length))) {
    await manager.query(
      `INSERT INTO ${table} (${columns.join(',')}) VALUES ${valuesList(chunk, columns.length)} ${onConflict}`,
      chunk.flat(),
    );
  }
}

/**
 * Multi-row insert that updates every column outside `keyColumns` when a row with the same key
 * (a primary or unique key of the table) exists.
 */
export async function upsertRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  keyColumns: readonly string[],
  rows: unknown[][],
): Promise<void> {
  // A row that is all key has nothing to update: it is left as it is.
  const updated = columns.filter((column) => !keyColumns.includes(column));
  const mysqlSet = updated.length > 0 ? updated : keyColumns.slice(0, 1);
  const onConflict = isMysql(manager.connection)
    ? `ON DUPLICATE KEY UPDATE ${mysqlSet.map((c) => `${c} = VALUES(${c})`).join(', ')}`
    : `ON CONFLICT (${keyColumns.join(',')}) ${
        updated.length > 0
          ? `DO UPDATE SET ${updated.map((c) => `${c} = excluded.${c}`).join(', ')}`
          : 'DO NOTHING'
      }`;
  for (const chunk of chunked(rows, rowsPerStatement(columns.length))) {
    await manager.query(
      `INSERT INTO ${table} (${columns.join(',')}) VALUES ${valuesList(chunk, columns.length)} ${onConflict}`,
      chunk.flat(),
    );
  }
}

export interface CopyFromParent {
  table: string;
  /** The child's column that holds the parent's id. */
  parentIdColumn: string;
  parentTable: string;
  /** Child column ← parent column of the same name. */
  columns: readonly string[];
  /** Which child rows: those whose `whereColumn` is one of `ids`. */
  whereColumn: string;
  ids: readonly string[];
}

/**
 * Copies denormalised columns from each row's parent (a join update, so one statement per chunk
 * of ids whatever the number of rows it touches).
 */
export async function copyFromParent(manager: EntityManager, copy: CopyFromParent): Promise<void> {
  const mysql = isMysql(manager.connection);
  for (const chunk of chunked(copy.ids, IN_LIST_CHUNK)) {
    const inList = placeholders(chunk.length);
    const sql = mysql
      ? `UPDATE ${copy.table} child JOIN ${copy.parentTable} parent ON parent.id = child.${copy.parentIdColumn}
           SET ${copy.columns.map((c) => `child.${c} = parent.${c}`).join(', ')}
           WHERE child.${copy.whereColumn} IN (${inList})`
      : `UPDATE ${copy.table} SET ${copy.columns.map((c) => `${c} = parent.${c}`).join(', ')}
           FROM ${copy.parentTable} AS parent
           WHERE parent.id = ${copy.table}.${copy.parentIdColumn}
             AND ${copy.table}.${copy.whereColumn} IN (${inList})`;
    await manager.query(sql, chunk);
  }
}

/**
 * A timestamp as a raw statement parameter: mysql2 formats a Date itself (the data source runs in
 * UTC), better-sqlite3 binds no Date, so it gets the text TypeORM itself stores for datetime
 * columns ('YYYY-MM-DD HH:MM:SS.SSS', UTC).
 */
export function dateTimeParameter(manager: EntityManager, at: Date): Date | string {
  return isMysql(manager.connection) ? at : at.toISOString().replace('T', ' ').replace('Z', '');
}
