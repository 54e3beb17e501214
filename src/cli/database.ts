import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../config';
import { openDataSource } from '../db/data-source';
import { closeDataSource } from '../db/cancel-statements';
import { startReadRouting } from '../db/read-routing';
import type { ReadRouting } from '../db/read-routing';
import { onBulkLoadNotice } from '../db/usage/local-infile';
import { sqlLogger } from '../logger';
import { CliError, EXIT, firstLine } from './errors';
import type { CliSession } from './session';

/** Where the data lives, for messages: never shows a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.kind === 'sqlite') {
    return db.file === ':memory:' ? 'the in-memory SQLite database' : `SQLite ${db.file}`;
  }
  const url = new URL(db.url);
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  return `MySQL ${user}${url.host}/${decodeURIComponent(url.pathname.slice(1))}`;
}

/**
 * Opens the configured database (MySQL must be migrated; SQLite is built from the entities), runs
 * the work and always closes it again, so that the process can exit.
 */
export async function withDatabase<T>(
  session: CliSession,
  work: (ds: DataSource) => Promise<T>,
  options: { serving?: boolean } = {},
): Promise<T> {
  const { database, deadlines } = session.config;
  let ds: DataSource;
  try {
    ds = await openDataSource(database, {
      logger: sqlLogger(session.logger),
      // Serving requests: statement, lock and pool deadlines (README, Operations).
      ...(options.serving && { deadlines }),
    });
  } catch (error) {
    throw new CliError(
      `Cannot open ${describeDatabase(database)}: ${firstLine(error)}`,
      EXIT.FAILURE,
      {
        cause: error,
      },
    );
  }
  // The import's fall-back from LOAD DATA LOCAL INFILE is said in the command's own log.
  onBulkLoadNotice(ds, (message) => session.logger.warn(message));
  try {
    return await work(ds);
  } finally {
    // Connections still handed out (a frozen database) would hold the process: closeDataSource.
    await closeDataSource(ds);
  }
}

/**
 * With DATABASE_READ_URL: read-only requests go to the replica while it keeps up (db/read-routing),
 * for as long as `work` runs. Without: `work` gets null and every read stays on the primary.
 */
export async function withReadRouting<T>(
  session: CliSession,
  primary: DataSource,
  work: (reads: ReadRouting | null) => Promise<T>,
): Promise<T> {
  const { replica, deadlines } = session.config;
  if (!replica) return work(null);
  const reads = startReadRouting({
    primary,
    settings: replica,
    openReplica: () =>
      openDataSource(
        { kind: 'mysql', url: replica.url },
        { deadlines, logger: sqlLogger(session.logger) },
      ),
    onChange: (target, reason) =>
      session.logger.warn({ target, reason }, `reads go to the ${target} (${reason})`),
  });
  try {
    return await work(reads);
  } finally {
    await reads.close();
  }
}
