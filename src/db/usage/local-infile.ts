import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import { createLogger } from '../../logger';

// `LOAD DATA LOCAL INFILE` from memory: mysql2 asks `infileStreamFactory` for the "file" the
// statement names, so the rows go from this process straight into the statement and no file is
// ever written or read (the server cannot make the client send anything else either).
//
// A server may refuse LOCAL INFILE (local_infile=OFF, or a client built without it). The first
// refusal is logged once per data source, and from then on the caller fills its tables with
// multi-row INSERTs instead (slower, same result): `localInfileRefused` says which.

/** MariaDB: 4166 ER_LOAD_INFILE_CAPABILITY_DISABLED; both: 1148 ER_NOT_ALLOWED_COMMAND; 3948 MySQL 8. */
const REFUSALS = new Set([1148, 3948, 4166]);

const refused = new WeakSet<DataSource>();
const notices = new WeakMap<DataSource, (message: string) => void>();
let defaultLog: ((message: string) => void) | undefined;

/** Where the fall-back line goes (the command's logger); by default a warning on stderr. */
export function onBulkLoadNotice(ds: DataSource, log: (message: string) => void): void {
  notices.set(ds, log);
}

export function localInfileRefused(ds: DataSource): boolean {
  return refused.has(ds);
}

function notice(ds: DataSource, message: string): void {
  const log =
    notices.get(ds) ??
    (defaultLog ??= (line: string) => {
      createLogger('warn').warn(line);
    });
  log(message);
}

interface LoadResult {
  affectedRows: number;
  warningStatus: number;
}

interface RawConnection {
  query(
    options: { sql: string; infileStreamFactory: () => Readable },
    values: unknown[],
    callback: (error: (Error & { errno?: number }) | null, result: LoadResult) => void,
  ): void;
}

/**
 * Runs `sql` (a LOAD DATA LOCAL INFILE statement) on the transaction's connection with the
 * `pieces` of text as the file, made as they are sent: no copy of the whole file is ever held. Returns null when the server refuses LOCAL INFILE (and remembers that), else what
 * the statement did. The statement is logged like any other (statement counts in tests).
 */
export async function loadLocalData(
  manager: EntityManager,
  sql: string,
  pieces: () => Iterable<string>,
): Promise<LoadResult | null> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('loadLocalData must run inside a transaction');
  const connection = (await (
    runner as unknown as { connect(): Promise<RawConnection> }
  ).connect()) as RawConnection;
  manager.connection.logger.logQuery(sql, [], runner);
  try {
    return await new Promise<LoadResult>((resolve, reject) => {
      connection.query(
        { sql, infileStreamFactory: () => Readable.from(asBuffers(pieces())) },
        [],
        (error, result) => (error ? reject(error) : resolve(result)),
      );
    });
  } catch (error) {
    const errno = (error as { errno?: number }).errno;
    if (errno === undefined || !REFUSALS.has(errno)) throw error;
    refused.add(manager.connection);
    notice(
      manager.connection,
      'The database refuses LOAD DATA LOCAL INFILE (local_infile is OFF): usage is imported ' +
        'with multi-row INSERTs instead, which is slower. Set local_infile=ON on the server ' +
        'for bulk import at full speed.',
    );
    return null;
  }
}

/** mysql2 sends each piece as a packet of its own, and wants Buffers. */
function* asBuffers(pieces: Iterable<string>): Generator<Buffer> {
  for (const piece of pieces) yield Buffer.from(piece, 'utf8');
}

/** A value as a field of LOAD DATA's default format (tab-separated, backslash escapes). */
export function tsvField(value: string | number): string {
  const text = String(value);
  return /[\t\n\r\\\0]/.test(text)
    ? text.replace(
        /[\t\n\r\\\0]/g,
        (c) => ({ '\t': '\\t', '\n': '\\n', '\r': '\\r', '\\': '\\\\', '\0': '\\0' })[c]!,
      )
    : text;
}
