import type { DataSource, EntityManager } from 'typeorm';
import { isMysql } from '../dialect';

// Writers of the same usage keys can deadlock on MySQL (each locks what it touches, in its own
// order, and upserts take gap locks); the database then rolls one back, and running that one
// again is the documented remedy. Each retry waits a random while first, longer each time, so
// that writers that collided once do not meet again in the same steps.
// SQLite has one connection per process, on which TypeORM cannot open a second transaction while
// one is open: there, transactions take turns.

const ATTEMPTS = 5;
const BACKOFF_MS = 20;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isDeadlock(error: unknown): boolean {
  const driverError = (error as { driverError?: { errno?: number; code?: string } }).driverError;
  return driverError?.errno === 1213 || driverError?.code === 'ER_LOCK_DEADLOCK';
}

/** The end of the queue of transactions of each SQLite data source. */
const sqliteQueues = new WeakMap<DataSource, Promise<unknown>>();

function takeTurn<T>(ds: DataSource, work: () => Promise<T>): Promise<T> {
  const previous = sqliteQueues.get(ds) ?? Promise.resolve();
  const turn = previous.then(work, work);
  sqliteQueues.set(
    ds,
    turn.catch(() => undefined),
  );
  return turn;
}

/**
 * Runs `work` in one transaction; on MySQL again from the start when it lost a
 * deadlock, up to 5 times in all. Must not be called from inside another of its transactions.
 */
export async function inTransaction<T>(
  ds: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  if (!isMysql(ds)) return takeTurn(ds, () => ds.transaction(work));
  for (let attempt = 1; ; attempt++) {
    try {
      return await ds.transaction(work);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isDeadlock(error)) throw error;
      await pause(Math.random() * BACKOFF_MS * attempt);
    }
  }
}
