import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../../src/config';
import { openDataSource } from '../../../src/db/data-source';
import { USAGE_BATCH_LINES } from '../../../src/ingest/bulk/usage-stream';
import type { UsageProgress } from '../../../src/ingest/import-progress';
import { importDocument } from '../../../src/ingest/document/import-document';
import { importFiles } from '../../../src/ingest/import-files';
import type { ImportSummary } from '../../../src/ingest/import-files';
import { testDbKind } from '../../support/database';
import { createPrivateMariadb } from '../../support/private-mariadb';
import type { PrivateMariadb } from '../../support/private-mariadb';
import { countRows, ndjson, scratchFolder } from './database-state';

// The database goes away in the middle of an NDJSON import, after two batches were committed:
// the importer says exactly how many records are stored (as SELECT COUNT(*) finds them once the
// database is back) and that importing the same file again completes it, which it then does.
// MySQL: a MariaDB server of the test's own, killed as a crash would kill it, then started again
// on the same data. SQLite: the importer's database connection is closed under it, then opened
// again on the same file.

const KIND = testDbKind();
const NOW = new Date('2026-11-29T12:00:00.000Z');
const TYPES = ['PROFESSIONAL', 'STANDARD', 'BASIC', 'COMMON_AREA', 'ROOM_SYSTEM', 'SPEECH_VIEW'];
const CLUSTERS = Array.from({ length: 12 }, (_, i) => `cl-${i + 1}`);
/** 12 clusters × 6 types × 350 days: two full batches and a part of a third. */
const DAYS = 350;
const LINES = CLUSTERS.length * TYPES.length * DAYS;
const BATCHES_BEFORE_FAILURE = 2;
const STORED = BATCHES_BEFORE_FAILURE * USAGE_BATCH_LINES;

const organisation = {
  partners: [{ id: 'p-1', name: 'P' }],
  customers: [{ id: 'c-1', partnerId: 'p-1', name: 'C' }],
  subscriptions: [
    {
      id: 'Sub-1',
      customerId: 'c-1',
      kind: 'DEDICATED_INSTANCE',
      status: 'ACTIVE',
      startDate: '2024-01-01',
      entitlements: TYPES.map((licenseType) => ({
        licenseType,
        quantity: 1000,
        startDate: '2024-01-01',
      })),
    },
  ],
  clusters: CLUSTERS.map((id) => ({ id, subscriptionId: 'Sub-1', name: id, region: 'EMEA' })),
};

function usageLines(): unknown[] {
  const records: unknown[] = [];
  const last = Date.parse('2026-11-28T00:00:00Z');
  for (let d = DAYS - 1; d >= 0; d--) {
    const date = new Date(last - d * 86_400_000).toISOString().slice(0, 10);
    for (const sourceId of CLUSTERS) {
      for (const licenseType of TYPES) records.push({ sourceId, licenseType, date, consumed: d });
    }
  }
  return records;
}

/** The database under test, which the test can take away and bring back. */
interface Store {
  open(): Promise<DataSource>;
  /** Takes the database away from a running import's data source. */
  goAway(ds: DataSource): Promise<void>;
  /** Brings it back, as it was when it went away. */
  comeBack(): Promise<void>;
  remove(): Promise<void>;
}

async function mysqlStore(): Promise<Store> {
  const server: PrivateMariadb = await createPrivateMariadb();
  try {
    await server.start();
    const admin = await mysql.createConnection(server.serverUrl);
    await admin.query('CREATE DATABASE lg CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
  } catch (error) {
    await server.remove();
    throw error;
  }
  const config: DatabaseConfig = { kind: 'mysql', url: `${server.serverUrl}lg` };
  let migrated = false;
  return {
    async open() {
      if (!migrated) {
        migrated = true;
        return openDataSource(config, { migrate: true });
      }
      return openDataSource(config);
    },
    goAway: () => server.stop(),
    comeBack: () => server.start(),
    async remove() {
      await server.remove();
    },
  };
}

function sqliteStore(): Store {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-interrupted-'));
  const config: DatabaseConfig = { kind: 'sqlite', file: path.join(dir, 'lg.sqlite') };
  return {
    open: () => openDataSource(config),
    goAway: (ds) => ds.destroy(),
    comeBack: async () => undefined,
    async remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('an NDJSON import whose database goes away midway', () => {
  let store: Store;
  const scratch = scratchFolder();

  beforeAll(async () => {
    store = KIND === 'mysql' ? await mysqlStore() : sqliteStore();
  }, 180_000);
  afterAll(async () => {
    scratch.cleanup();
    await store?.remove();
  });

  it('says how many records are stored, and completes when imported again', async () => {
    expect(LINES).toBeGreaterThan(STORED + 1);
    const file = scratch.write('usage.ndjson', ndjson(usageLines()));
    let ds = await store.open();
    expect((await importDocument(ds, organisation, 'organisation.json', { now: NOW })).ok).toBe(
      true,
    );

    const printed: string[] = [];
    const progress: UsageProgress[] = [];
    const failed: ImportSummary = await importFiles(ds, [file], (line) => printed.push(line), {
      now: NOW,
      observer: {
        batchStored: async (_file, stored) => {
          progress.push(stored);
          if (stored.batches === BATCHES_BEFORE_FAILURE) await store.goAway(ds);
        },
      },
    });
    if (KIND === 'mysql') await ds.destroy();

    expect(progress.map((p) => [p.batches, p.throughLine, p.inserted])).toEqual([
      [1, USAGE_BATCH_LINES, USAGE_BATCH_LINES],
      [2, STORED, STORED],
    ]);
    expect(failed.ok).toBe(false);
    const [summary] = failed.files;
    expect(summary.failed?.throughLine).toBe(STORED);
    expect(summary.counts.usage).toEqual({
      read: LINES,
      inserted: STORED,
      updated: 0,
      unchanged: 0,
      removed: 0,
    });
    expect(printed).toEqual([
      expect.stringMatching(new RegExp(`^${file}: import failed: .+`)),
      `${file}: failed after ${LINES} records read; ${STORED} records of it are stored (every ` +
        `good line through line ${STORED}: ${STORED} inserted, 0 updated, 0 unchanged), the ` +
        `rest is not. Importing the same file again completes it.`,
    ]);

    // The database back: exactly what the report says is there.
    await store.comeBack();
    ds = await store.open();
    try {
      expect(await countRows(ds, 'license_usage')).toBe(STORED);

      printed.length = 0;
      const again = await importFiles(ds, [file], (line) => printed.push(line), { now: NOW });
      expect(again.ok).toBe(true);
      expect(printed).toEqual([
        `${file}: ${LINES} records read; ${LINES - STORED} inserted, 0 updated, ${STORED} unchanged, 0 rejected`,
      ]);
      expect(await countRows(ds, 'license_usage')).toBe(LINES);
    } finally {
      await ds.destroy();
    }
  }, 300_000);
});
