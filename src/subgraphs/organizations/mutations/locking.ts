import type { EntityManager } from 'typeorm';
import { isMysql } from '../../../db/dialect';

/**
 * ` FOR UPDATE` on MySQL: the rows read stay locked until the transaction ends, so that a check
 * made on them (the last admin of a scope, an assignment that already exists) still holds when
 * the write happens. SQLite runs one write transaction at a time (inTransaction queues them), so
 * what it reads cannot change underneath it.
 */
export function forUpdate(manager: EntityManager): string {
  return isMysql(manager.connection) ? ' FOR UPDATE' : '';
}
