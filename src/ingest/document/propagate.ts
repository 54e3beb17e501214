import type { EntityManager } from 'typeorm';
import { putSourcesBackIntoRollups, takeSourcesOutOfRollups } from '../../db/rollups/move-sources';
import { copyFromParent, selectWhereIn } from '../../db/sql/bulk';
import type { WritePlan } from './plan';

// Rows below a moved record that the document does not list still carry the old copies of their
// parent's columns. Once the document's own rows are written, each level copies from the level
// above, top down: subscriptions from customers, entitlements and sources from subscriptions,
// servers and usage from sources, and the usage rollups with them. Nothing runs when nothing
// moved (the usual re-import).

export async function propagateMoves(
  manager: EntityManager,
  moved: WritePlan['moved'],
): Promise<void> {
  const { customers, subscriptions, sources } = moved;
  if (customers.length === 0 && subscriptions.length === 0 && sources.length === 0) return;

  await copyFromParent(manager, {
    table: 'subscriptions',
    parentTable: 'customers',
    parentIdColumn: 'customer_id',
    columns: ['partner_id'],
    whereColumn: 'customer_id',
    ids: customers,
  });
  await copyFromParent(manager, {
    table: 'entitlements',
    parentTable: 'subscriptions',
    parentIdColumn: 'subscription_id',
    columns: ['customer_id'],
    whereColumn: 'subscription_id',
    ids: subscriptions,
  });

  const affected = new Set(sources);
  const below = [
    ...(await selectWhereIn<{ id: string }>(
      manager,
      subscriptions,
      (inList) => `SELECT id FROM usage_sources WHERE subscription_id IN (${inList})`,
    )),
    ...(await selectWhereIn<{ id: string }>(
      manager,
      customers,
      (inList) => `SELECT id FROM usage_sources WHERE customer_id IN (${inList})`,
    )),
  ];
  for (const { id } of below) affected.add(id);
  const sourceIds = [...affected];

  await copyFromParent(manager, {
    table: 'usage_sources',
    parentTable: 'subscriptions',
    parentIdColumn: 'subscription_id',
    columns: ['customer_id', 'partner_id'],
    whereColumn: 'id',
    ids: sourceIds,
  });
  await copyFromParent(manager, {
    table: 'servers',
    parentTable: 'usage_sources',
    parentIdColumn: 'cluster_id',
    columns: ['customer_id'],
    whereColumn: 'cluster_id',
    ids: sourceIds,
  });
  await takeSourcesOutOfRollups(manager, sourceIds);
  await copyFromParent(manager, {
    table: 'license_usage',
    parentTable: 'usage_sources',
    parentIdColumn: 'source_id',
    columns: ['subscription_id', 'customer_id', 'partner_id', 'region'],
    whereColumn: 'source_id',
    ids: sourceIds,
  });
  await putSourcesBackIntoRollups(manager, sourceIds);
}
