import fs from 'node:fs';
import { once } from 'node:events';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { epochDay, formatEpochDay } from '../src/days';
import { importDocument } from '../src/ingest/document/import-document';
import { toUsageRow } from '../src/db/usage/usage-row';
import type { SourceFacts, UsageRecord, UsageRow } from '../src/db/usage/usage-row';
import { upsertUsageRows } from '../src/db/usage/usage-writer';
import { LicenseType, SourceType } from '../src/db/enums';
import { ROLLUP_TABLES } from '../src/db/rollups/write-rollups';

// The data of the ingest benchmark: one partner with 200 clusters, each reporting 5 license types
// a day, so that N days make N x 1,000 usage rows. Rows are generated, never held all at once:
// the benchmark measures the importer's memory, not its own.

export const BENCH_PARTNER = 'p-bench';
export const BENCH_COLLECTOR = 'u-bench-collector';
const CUSTOMERS = 10;
const CLUSTERS_PER_CUSTOMER = 20;
export const ROWS_PER_DAY = CUSTOMERS * CLUSTERS_PER_CUSTOMER * 5;
const TYPES = [
  LicenseType.PROFESSIONAL,
  LicenseType.STANDARD,
  LicenseType.COMMON_AREA,
  LicenseType.ROOM_SYSTEM,
  LicenseType.SPEECH_VIEW,
];
const FIRST_DAY = epochDay('2020-01-01')!;

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const customerId = (c: number) => `c-bench-${pad(c, 2)}`;
const subscriptionId = (c: number) => `Sub-9${pad(c, 5)}`;
const clusterId = (c: number, k: number) => `cl-bench-${pad(c, 2)}-${pad(k, 2)}`;
const REGIONS = ['AMER', 'EMEA', 'APJC'];

function sources(): SourceFacts[] {
  const all: SourceFacts[] = [];
  for (let c = 0; c < CUSTOMERS; c++) {
    for (let k = 0; k < CLUSTERS_PER_CUSTOMER; k++) {
      all.push({
        id: clusterId(c, k),
        sourceType: SourceType.CLUSTER,
        subscriptionId: subscriptionId(c),
        customerId: customerId(c),
        partnerId: BENCH_PARTNER,
        region: REGIONS[k % REGIONS.length],
      });
    }
  }
  return all;
}
const SOURCES = sources();

/** The organisation the rows belong to, and a collector on its partner. */
export async function importBenchOrganisation(ds: DataSource): Promise<void> {
  const document = {
    partners: [{ id: BENCH_PARTNER, name: 'Bench Partner' }],
    customers: Array.from({ length: CUSTOMERS }, (_, c) => ({
      id: customerId(c),
      partnerId: BENCH_PARTNER,
      name: `Bench Customer ${c}`,
    })),
    subscriptions: Array.from({ length: CUSTOMERS }, (_, c) => ({
      id: subscriptionId(c),
      customerId: customerId(c),
      kind: 'DEDICATED_INSTANCE',
      status: 'ACTIVE',
      startDate: '2019-01-01',
      entitlements: TYPES.map((licenseType) => ({
        licenseType,
        quantity: 5000,
        startDate: '2019-01-01',
      })),
    })),
    clusters: SOURCES.map((s, i) => ({
      id: s.id,
      subscriptionId: s.subscriptionId,
      name: `BENCH-${i}`,
      region: s.region,
      servers: [{ hostname: `cucm-pub.${s.id}.bench.example`, role: 'PUBLISHER' }],
    })),
    users: [{ id: BENCH_COLLECTOR, email: 'collector@bench.example', displayName: 'Collector' }],
    roleAssignments: [
      { userId: BENCH_COLLECTOR, role: 'USAGE_COLLECTOR', partnerId: BENCH_PARTNER },
    ],
  };
  const result = await importDocument(ds, document, 'bench-organisation');
  if (!result.ok) throw new Error(`bench organisation refused: ${JSON.stringify(result.problems)}`);
}

/**
 * The rows of days [from, to), day by day as collectors send them. `version` 0 is what is stored
 * before a run; version 1 changes every count, so a stored row becomes an update.
 */
export function* usageRows(from: number, to: number, version: number): Generator<UsageRow> {
  for (let d = from; d < to; d++) {
    const day = formatEpochDay(FIRST_DAY + d);
    for (let s = 0; s < SOURCES.length; s++) {
      for (let t = 0; t < TYPES.length; t++) {
        const record: UsageRecord = {
          sourceId: SOURCES[s].id,
          licenseType: TYPES[t],
          day,
          consumed: (s * 7 + t * 13 + d + version) % 1000,
        };
        yield toUsageRow(record, SOURCES[s]);
      }
    }
  }
}

/** Groups a stream of rows into arrays of `size`. */
export function* chunksOf<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/** Empties the usage table (and its rollups) and stores version 0 of days [0, days) (the "existing" half). */
export async function resetUsage(ds: DataSource, days: number): Promise<void> {
  for (const table of ['license_usage', ...ROLLUP_TABLES]) {
    await ds.query(`TRUNCATE TABLE ${table}`);
  }
  await ds.query('UPDATE usage_sources SET last_reported_at = NULL');
  for (const rows of chunksOf(usageRows(0, days, 0), 20_000)) {
    await ds.transaction((manager) => upsertUsageRows(manager, rows));
  }
}

const ndjsonLine = (r: UsageRow) =>
  `{"sourceId":"${r.sourceId}","licenseType":"${r.licenseType}","date":"${r.day}","consumed":${r.consumed}}\n`;

/** The row as LOAD DATA reads it (the bench's ids hold no tab, newline or backslash). */
const tsvLine = (r: UsageRow) =>
  `${r.sourceId}\t${r.licenseType}\t${r.day}\t${r.consumed}\t${r.sourceType}\t${r.customerId}\t` +
  `${r.partnerId}\t${r.subscriptionId}\t${r.region}\n`;

/** Writes the rows as an NDJSON usage file. */
export function writeNdjson(file: string, rows: Iterable<UsageRow>): Promise<void> {
  return writeLines(file, rows, ndjsonLine);
}

/** Writes the rows as a tab-separated file of license_usage's columns, for LOAD DATA. */
export function writeTsv(file: string, rows: Iterable<UsageRow>): Promise<void> {
  return writeLines(file, rows, tsvLine);
}

async function writeLines(
  file: string,
  rows: Iterable<UsageRow>,
  line: (row: UsageRow) => string,
): Promise<void> {
  const out = fs.createWriteStream(file);
  let buffer = '';
  for (const r of rows) {
    buffer += line(r);
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

const FLOOR_COLUMNS =
  'source_id, license_type, day, consumed, source_type, customer_id, partner_id, subscription_id, region';
const FLOOR_UPDATE =
  'consumed = VALUES(consumed), source_type = VALUES(source_type), customer_id = VALUES(customer_id), ' +
  'partner_id = VALUES(partner_id), subscription_id = VALUES(subscription_id), region = VALUES(region)';

/**
 * The floor: the same rows written with nothing but mysql2 and one multi-row
 * INSERT ... ON DUPLICATE KEY UPDATE per `chunkSize` rows (autocommit). Returns the seconds taken.
 */
export async function bareUpsert(
  url: string,
  rows: Iterable<UsageRow>,
  chunkSize: number,
): Promise<number> {
  const connection = await mysql.createConnection({ uri: url, timezone: 'Z' });
  try {
    const started = process.hrtime.bigint();
    for (const chunk of chunksOf(rows, chunkSize)) {
      const values = chunk.map((r) => [
        r.sourceId,
        r.licenseType,
        r.day,
        r.consumed,
        r.sourceType,
        r.customerId,
        r.partnerId,
        r.subscriptionId,
        r.region,
      ]);
      await connection.query(
        `INSERT INTO license_usage (${FLOOR_COLUMNS}) VALUES ? ON DUPLICATE KEY UPDATE ${FLOOR_UPDATE}`,
        [values],
      );
    }
    return Number(process.hrtime.bigint() - started) / 1e9;
  } finally {
    await connection.end();
  }
}

/**
 * The floor of the import: the same rows, already in a file of license_usage's own columns, taken
 * by the server with one `LOAD DATA LOCAL INFILE … REPLACE` (a stored key is replaced by the row
 * of the file) on a connection of bare mysql2, checked for nothing. Returns the seconds taken.
 */
export async function loadDataFloor(url: string, tsvFile: string, rows: number): Promise<number> {
  const connection = await mysql.createConnection({ uri: url, timezone: 'Z' });
  try {
    const started = process.hrtime.bigint();
    const [result] = (await connection.query({
      sql: `LOAD DATA LOCAL INFILE 'usage.tsv' REPLACE INTO TABLE license_usage
              CHARACTER SET utf8mb4 (${FLOOR_COLUMNS})`,
      infileStreamFactory: () => fs.createReadStream(tsvFile),
    })) as unknown as [{ info: string }];
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    if (!new RegExp(`^Records: ${rows}\\b`).test(result.info)) {
      throw new Error(`LOAD DATA did not take the ${rows} rows: ${result.info}`);
    }
    return seconds;
  } finally {
    await connection.end();
  }
}
