import type { Readable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { isMysql } from './dialect';

/** Rows per page on SQLite. */
const SQLITE_PAGE = 5000;

/**
 * The rows of an ordered statement (ORDER BY, no LIMIT) one at a time, for answers too large to
 * hold in memory (CSV exports). MySQL: the driver's row stream on a connection of its own,
 * released at the end or when the consumer stops early. SQLite: pages of the statement (LIMIT /
 * OFFSET): its single connection cannot run other requests' statements while an iterator is
 * open, and the embedded database holds small data, so re-running the statement per page is
 * the cheaper trade.
 */
export async function* streamRows<Row>(
  ds: DataSource,
  sql: string,
  params: unknown[],
): AsyncGenerator<Row> {
  if (isMysql(ds)) {
    const runner = ds.createQueryRunner('slave');
    try {
      const stream = (await runner.stream(sql, params)) as unknown as Readable;
      try {
        for await (const row of stream) yield row as Row;
      } finally {
        stream.destroy();
      }
    } finally {
      await runner.release();
    }
    return;
  }
  for (let offset = 0; ; offset += SQLITE_PAGE) {
    const rows: Row[] = await ds.query(`${sql} LIMIT ? OFFSET ?`, [...params, SQLITE_PAGE, offset]);
    yield* rows;
    if (rows.length < SQLITE_PAGE) return;
  }
}
