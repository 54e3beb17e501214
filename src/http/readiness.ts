import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { isMysql } from '../db/dialect';

// What /health/ready asks, answered within READY_PROBE_MS whatever the pool does (issue 13 §1):
// a subgraph pings its database on a connection of its own, outside the pool that requests may
// have exhausted; the gateway asks its subgraphs' own /health/ready.

export const READY_PROBE_MS = 900;

/** Resolves false when the probe fails or has not answered within READY_PROBE_MS. */
export async function withinProbeTime(probe: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_PROBE_MS);
  });
  try {
    return await Promise.race([probe().then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export type ReadinessProbe = () => Promise<boolean>;

/** A MySQL ping on a dedicated connection, made again after any failure; SQLite: SELECT 1. */
export function databaseProbe(ds: DataSource): ReadinessProbe & { close(): Promise<void> } {
  if (!isMysql(ds)) {
    return Object.assign(() => withinProbeTime(() => ds.query('SELECT 1')), {
      close: async () => undefined,
    });
  }
  const url = (ds.options as { url: string }).url;
  let connection: Promise<mysql.Connection> | null = null;
  const drop = () => {
    const current = connection;
    connection = null;
    void current?.then((open) => open.destroy()).catch(() => undefined);
  };
  const probe = async () => {
    connection ??= mysql
      .createConnection({ uri: url, connectTimeout: READY_PROBE_MS })
      .then((opened) => opened.on('error', drop));
    const current = connection;
    const ok = await withinProbeTime(async () => (await current).query('SELECT 1'));
    if (!ok) drop();
    return ok;
  };
  return Object.assign(probe, { close: async () => drop() });
}

/** Every subgraph's /health/ready answers 200 (asked at once, each within the probe time). */
export function subgraphsProbe(graphqlUrls: readonly string[]): ReadinessProbe {
  return async () => {
    const answers = await Promise.all(
      graphqlUrls.map((url) =>
        withinProbeTime(async () => {
          const response = await fetch(new URL('/health/ready', url), {
            signal: AbortSignal.timeout(READY_PROBE_MS),
          });
          await response.body?.cancel();
          if (!response.ok) throw new Error(`not ready: ${response.status}`);
        }),
      ),
    );
    return answers.every(Boolean);
  };
}
