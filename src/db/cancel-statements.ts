import mysql2 from 'mysql2';
import type { DataSource } from 'typeorm';
import { poolActivity } from './guarded-pool';

// The end of a drain (issue 13 §3): once DRAIN_SECONDS are over, statements still running are
// stopped on the server with KILL QUERY (their requests then fail with SERVICE_UNAVAILABLE and
// answer at once), rather than left to run while the process waits or to be cut with their
// connection. Closing the pool afterwards no longer waits for them. SQLite statements run
// synchronously in the process and cannot be interrupted: there is nothing to do.

/** The longest the KILL connection may take: the database may be what is stuck. */
const KILL_TIMEOUT_MS = 2000;

function pool(ds: DataSource): unknown {
  return (ds.driver as unknown as { pool?: unknown }).pool;
}

/** KILL QUERY for every connection of `ds`'s pool in use now; how many were asked to stop. */
export async function cancelRunningStatements(ds: DataSource): Promise<number> {
  const activity = poolActivity(pool(ds));
  if (!activity || !ds.isInitialized) return 0;
  const threads = [...activity.inUse]
    .map((connection) => connection.threadId)
    .filter((id): id is number => typeof id === 'number');
  if (threads.length === 0) return 0;
  const killer = mysql2.createConnection({
    ...activity.connectOptions,
    connectTimeout: KILL_TIMEOUT_MS,
  });
  // An 'error' event without a listener would end the process.
  killer.on('error', () => undefined);
  const kill = (id: number) =>
    new Promise<void>((resolve) => {
      killer.query({ sql: `KILL QUERY ${Number(id)}`, timeout: KILL_TIMEOUT_MS }, () => resolve());
    });
  try {
    // One after the other on one connection: the statements are few (at most the pool's size).
    for (const id of threads) await kill(id);
  } finally {
    killer.destroy();
  }
  return threads.length;
}

/**
 * Closes `ds`; connections still handed out are destroyed first, so that a statement the database
 * never answers (a frozen server) cannot hold the process: pool.end waits for running statements.
 */
export async function closeDataSource(ds: DataSource): Promise<void> {
  if (!ds.isInitialized) return;
  const activity = poolActivity(pool(ds));
  for (const connection of activity?.inUse ?? []) connection.destroy();
  await ds.destroy();
}
