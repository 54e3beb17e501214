import { performance } from 'node:perf_hooks';
import type { DataSource } from 'typeorm';
import { importDocument } from '../document/import-document';
import type { UsageWriteCounts } from '../../db/usage/usage-row';
import { formatProblem } from '../validate/problems';
import { checkDay, startOfDay, todayUtc } from '../../days';
import type { SeedPlan } from './plan';
import { seedPlan } from './scales';
import type { SeedScale } from './scales';
import { writeSeedUsage } from './write-usage';
import { writeDemoSchedule } from './demo/schedule';

export { SEED_SCALES, seedPlan } from './scales';
export { DEMO_PARTNER_ID, DEMO_STORY, DEMO_STORY_LINES, DEMO_USER_ID } from './demo/story';
export type { SeedScale } from './scales';

// `licensegraph seed --scale demo|small|bench`: deterministic synthetic data. The same scale and
// `today` always give the same rows; seeding again upserts the same values and changes nothing.

export interface SeedOptions {
  /** The day the data ends on, YYYY-MM-DD (UTC); every date is relative to it. Default: today. */
  today?: string;
  log?: (line: string) => void;
  /** Called after each batch of usage rows is written, with the rows written and planned. */
  onProgress?: (rowsWritten: number, rowsPlanned: number) => void;
}

export interface SeedTableCounts {
  partners: number;
  customers: number;
  subscriptions: number;
  entitlements: number;
  clusters: number;
  servers: number;
  tenants: number;
  users: number;
  roleAssignments: number;
  licenseUsage: number;
}

export interface SeedSummary {
  scale: SeedScale;
  today: string;
  /** Records of each table that the seed wrote or found already as it would write them. */
  tables: SeedTableCounts;
  /** What happened to the usage rows: all inserted on an empty database, all unchanged on a re-run. */
  usage: UsageWriteCounts;
  usageRows: number;
  seconds: number;
  /** Usage rows per second over the whole seed, organisation data included. */
  rowsPerSecond: number;
}

function tableCounts(plan: SeedPlan): SeedTableCounts {
  const { document } = plan;
  return {
    partners: document.partners.length,
    customers: document.customers.length,
    subscriptions: document.subscriptions.length,
    entitlements: document.subscriptions.reduce((n, s) => n + s.entitlements.length, 0),
    clusters: document.clusters.length,
    servers: document.clusters.reduce((n, c) => n + c.servers.length, 0),
    tenants: document.tenants.length,
    users: document.users.length,
    roleAssignments: document.roleAssignments.length,
    licenseUsage: plan.usageRows,
  };
}

export async function seed(
  ds: DataSource,
  scale: SeedScale,
  options: SeedOptions = {},
): Promise<SeedSummary> {
  const today = checkDay(options.today ?? todayUtc(), 'seed: today');
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const plan = seedPlan(scale, today);
  const tables = tableCounts(plan);
  const counted = Object.entries(tables).map(([table, count]) => `${table} ${count}`);
  log(`seed ${scale} up to ${today}: ${counted.join(', ')}`);

  // The import stamps what it writes (role assignments' created_at) with `now`: the start of
  // `today`, so that the data depends on `today` alone.
  const imported = await importDocument(ds, plan.document, `seed:${scale}`, {
    now: startOfDay(today),
  });
  if (!imported.ok) {
    // The seed's own data is refused: a bug here, not bad input, so say exactly what was refused.
    const problems = imported.problems.map(formatProblem).join('; ');
    throw new Error(`seed ${scale}: the organisation data was refused: ${problems}`);
  }
  log(`seed ${scale}: organisation data written (${seconds(started)} s)`);

  const usage = await writeSeedUsage(ds, plan.sources(), (written) =>
    options.onProgress?.(written, plan.usageRows),
  );

  // The demo shows one scheduled report e-mail (README, Scheduled reports).
  if (scale === 'demo') await writeDemoSchedule(ds, today);

  const elapsed = (performance.now() - started) / 1000;
  const summary: SeedSummary = {
    scale,
    today,
    tables,
    usage: { inserted: usage.inserted, updated: usage.updated, unchanged: usage.unchanged },
    usageRows: usage.rows,
    seconds: Math.round(elapsed * 100) / 100,
    rowsPerSecond: Math.round(usage.rows / elapsed),
  };
  log(
    `seed ${scale}: ${summary.usageRows} usage rows (${usage.inserted} new, ${usage.updated} changed, ` +
      `${usage.unchanged} unchanged) in ${summary.seconds} s, ${summary.rowsPerSecond} rows/s`,
  );
  return summary;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

/** True when no table holds a row: the embedded setup loads the demo data only into an empty database. */
export async function isDatabaseEmpty(ds: DataSource): Promise<boolean> {
  const tables = [...new Set(ds.entityMetadatas.map((m) => m.tableName))];
  for (const table of tables) {
    const rows: unknown[] = await ds.query(`SELECT 1 FROM ${ds.driver.escape(table)} LIMIT 1`);
    if (rows.length > 0) return false;
  }
  return true;
}
