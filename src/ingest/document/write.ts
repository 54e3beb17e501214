import type { EntityManager } from 'typeorm';
import { deleteWhereIn, insertRows, upsertRows } from '../../db/sql/bulk';
import type { WritePlan } from './plan';
import { propagateMoves } from './propagate';

/** Writes a plan's rows in order, then brings the copies below moved records up to date. */
export async function executePlan(manager: EntityManager, plan: WritePlan): Promise<void> {
  for (const step of plan.steps) {
    switch (step.op) {
      case 'upsert':
        await upsertRows(manager, step.table, step.columns, step.keys, step.rows);
        break;
      case 'insert':
        await insertRows(manager, step.table, step.columns, step.rows);
        break;
      case 'delete':
        await deleteWhereIn(manager, step.table, step.column, step.ids);
        break;
    }
  }
  await propagateMoves(manager, plan.moved);
}
