import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { createDataSource, openDataSource } from '../../../src/db/data-source';
import { testDbKind } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { openFixtureDatabase } from '../../support/fixture-database';
import { FIXTURE_LAST_DAY, graphFixture, loadGraphFixture } from '../../support/graph-fixture';
import {
  fixtureConsumed,
  ingest,
  ingestAs,
  rowOf,
  series,
  sourceFacts,
  storedUsage,
} from './setup';
import type { Rec } from './setup';

// A failure of the store in the middle of a batch stores none of it. The failure is real, not a
// mock: another connection holds a lock the batch needs until the batch gives up waiting.
// - MySQL: a row lock on a stored row that the batch's second statement updates (the first one,
//   2,000 rows, has been written by then); the batch's connection waits 1 s at most.
// - SQLite: the database's write lock, held by another connection; the batch waits 0.2 s at most
//   (SQLite locks the whole database, so there the first statement already fails).
// And on both, a trigger that makes the database refuse a row of the second statement.

const KIND = testDbKind();
const SOURCES = ['cl-ams-1', 'cl-fra-1', 'cl-nyc-1', 't-acme-us'];

let db: TestDatabase | null = null;
let sqliteFile: string | null = null;
/** The data source the batch runs on: the test database with a short lock wait. */
let ds: DataSource;
const fixture = graphFixture();

beforeAll(async () => {
  if (KIND === 'mysql') {
    db = await openFixtureDatabase(fixture);
    // One connection, so that the session's lock wait timeout holds for every statement.
    ds = createDataSource(db.config, { poolSize: 1 });
    await ds.initialize();
    await ds.query('SET SESSION innodb_lock_wait_timeout = 1');
  } else {
    // Two connections need a database file; an in-memory database is one connection's alone.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-store-failure-'));
    sqliteFile = path.join(dir, 'test.sqlite');
    ds = await openDataSource({ kind: 'sqlite', file: sqliteFile });
    await loadGraphFixture(ds, fixture);
    await ds.query('PRAGMA busy_timeout = 200');
  }
});

afterAll(async () => {
  await ds?.destroy();
  await db?.close();
  if (sqliteFile) fs.rmSync(path.dirname(sqliteFile), { recursive: true, force: true });
});

/** Holds, from another connection, the lock the batch will need; returns how to let go. */
async function holdLock(lockedKey: Omit<Rec, 'consumed'>): Promise<() => Promise<void>> {
  if (KIND === 'mysql') {
    const connection = await mysql.createConnection(
      db!.config.kind === 'mysql' ? db!.config.url : '',
    );
    await connection.query('BEGIN');
    await connection.query(
      'SELECT consumed FROM license_usage WHERE source_id = ? AND license_type = ? AND day = ? FOR UPDATE',
      [lockedKey.sourceId, lockedKey.licenseType, lockedKey.date],
    );
    return async () => {
      await connection.query('ROLLBACK');
      await connection.end();
    };
  }
  const connection = new Database(sqliteFile!);
  connection.exec('BEGIN IMMEDIATE');
  return async () => {
    connection.exec('ROLLBACK');
    connection.close();
  };
}

async function lastReported(): Promise<unknown[]> {
  const rows: Array<{ id: string; last_reported_at: unknown }> = await ds.query(
    `SELECT id, last_reported_at FROM usage_sources ORDER BY id`,
  );
  return rows.map((r) => `${r.id} ${String(r.last_reported_at)}`);
}

it('stores none of a batch whose store fails midway, and all of it once the lock is gone', async () => {
  const lockedKey = { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: FIXTURE_LAST_DAY };
  const lockedBefore = fixtureConsumed(fixture, lockedKey) as number;
  // 2,400 new rows with the stored row at index 2,200, in the second statement of the batch.
  const records = [
    ...series('cl-fra-1', 'COMMON_AREA', '2001-01-01', 2200),
    { ...lockedKey, consumed: lockedBefore + 5 },
    ...series('t-acme-us', 'BASIC', '2001-01-01', 199),
  ];
  const rowsBefore = await storedUsage(ds, SOURCES);
  const reportedBefore = await lastReported();

  const release = await holdLock(lockedKey);
  let result;
  try {
    result = await ingestAs(ds, 'u-uc-acme', records);
  } finally {
    await release();
  }
  expect(result.data).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(await storedUsage(ds, SOURCES)).toEqual(rowsBefore);
  expect(await lastReported()).toEqual(reportedBefore);

  // The same batch, the lock gone: every record stored, counted once.
  expect(await ingest(ds, 'u-uc-acme', records)).toEqual({
    accepted: 2400,
    inserted: 2399,
    updated: 1,
    unchanged: 0,
    rejected: [],
  });
  const expected = records.map((r) => rowOf(r, sourceFacts(fixture, r.sourceId)));
  const after = await storedUsage(ds, SOURCES);
  expect(after).toEqual(expect.arrayContaining(expected));
  expect(after).toHaveLength(rowsBefore.length + 2399);
});

it('stores none of a batch whose second statement the database refuses', async () => {
  // A trigger makes the database itself refuse one row of the second 2,000-row statement, after
  // the first statement of the same transaction has written its rows.
  const FAILING_COUNT = 999_999;
  await ds.query(
    KIND === 'mysql'
      ? `CREATE TRIGGER lg_refuse_usage BEFORE INSERT ON license_usage FOR EACH ROW
           BEGIN IF NEW.consumed = ${FAILING_COUNT} THEN
             SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by the test';
           END IF; END`
      : `CREATE TRIGGER lg_refuse_usage BEFORE INSERT ON license_usage
           WHEN NEW.consumed = ${FAILING_COUNT} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
  );
  const records = series('cl-nyc-1', 'PROFESSIONAL', '1990-01-01', 2400, (i) =>
    i === 2100 ? FAILING_COUNT : i,
  );
  const rowsBefore = await storedUsage(ds, SOURCES);
  const reportedBefore = await lastReported();
  let result;
  try {
    result = await ingestAs(ds, 'u-uc-acme', records);
  } finally {
    await ds.query('DROP TRIGGER lg_refuse_usage');
  }
  expect(result.data).toBeNull();
  expect(result.errors).toHaveLength(1);
  expect(await storedUsage(ds, SOURCES)).toEqual(rowsBefore);
  expect(await lastReported()).toEqual(reportedBefore);

  expect(await ingest(ds, 'u-uc-acme', records)).toMatchObject({ inserted: 2400, rejected: [] });
});
