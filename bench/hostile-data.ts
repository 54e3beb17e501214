import type { DataSource } from 'typeorm';
import { importDocument } from '../src/ingest/document/import-document';
import { startOfDay } from '../src/days';
import { uniformPlan } from '../src/ingest/seed/uniform-plan';
import type { UniformShape } from '../src/ingest/seed/uniform-plan';
import { writeSeedUsage } from '../src/ingest/seed/write-usage';

// The data of the hostile benchmark: the bench seed's shape over three years (the longest range a
// usage series or report may ask for), so that the costliest allowed series and report really
// return what their cost counts. 40 customers × 5 sources × 4 license types × 1,096 days.

export const HOSTILE_SHAPE: UniformShape = {
  name: 'hostile',
  customers: 40,
  days: 1096,
  clustersPerCustomer: 3,
  serversPerCluster: 2,
  tenantsPerCustomer: 2,
};

export const HOSTILE_PARTNER = 'p-hostile';
export const HOSTILE_ADMIN = 'u-hostile-partner';

/** Writes the hostile data ending on `today`; returns the number of usage rows. */
export async function seedHostileData(ds: DataSource, today: string): Promise<number> {
  const plan = uniformPlan(HOSTILE_SHAPE, today);
  const imported = await importDocument(ds, plan.document, 'bench:hostile', {
    now: startOfDay(today),
  });
  if (!imported.ok) throw new Error('bench hostile: the organisation data was refused');
  const usage = await writeSeedUsage(ds, plan.sources());
  return usage.rows;
}
