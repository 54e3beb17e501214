import path from 'node:path';
import mysql from 'mysql2/promise';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../../src/db/data-source';
import { LicenseType } from '../../../src/db/enums';
import { onBulkLoadNotice } from '../../../src/db/usage/local-infile';
import { importFiles } from '../../../src/ingest/import-files';
import { testDbKind } from '../../support/database';
import { createPrivateMariadb } from '../../support/private-mariadb';
import type { PrivateMariadb } from '../../support/private-mariadb';
import { FIXTURES, ndjson, scratchFolder } from './database-state';
import { StatementCounter } from '../../support/statement-counter';

// A MariaDB server that refuses LOAD DATA LOCAL INFILE (local_infile=OFF, a server of the test's
// own): the import says so once, in its log, and stores the same rows with the same counts
// through multi-row INSERTs into the staging table instead, without asking again.

const onMysql = testDbKind() === 'mysql' ? describe : describe.skip;
const NOW = new Date('2026-11-29T12:00:00.000Z');

onMysql('usage import on a server that refuses LOCAL INFILE', () => {
  let server: PrivateMariadb;
  let ds: DataSource;
  const logger = new StatementCounter();
  const scratch = scratchFolder();

  beforeAll(async () => {
    server = await createPrivateMariadb({ serverArgs: ['--local-infile=0'] });
    await server.start();
    const admin = await mysql.createConnection(server.serverUrl);
    await admin.query('CREATE DATABASE lg CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
    await admin.end();
    ds = await openDataSource(
      { kind: 'mysql', url: `${server.serverUrl}lg` },
      { migrate: true, logger },
    );
  }, 180_000);
  afterAll(async () => {
    scratch.cleanup();
    await ds?.destroy();
    await server?.remove();
  });

  it('falls back to INSERTs, says so once, and counts exactly', async () => {
    const [{ local }] = await ds.query('SELECT @@GLOBAL.local_infile AS local');
    expect(Number(local)).toBe(0);
    const notices: string[] = [];
    onBulkLoadNotice(ds, (message) => notices.push(message));
    logger.reset();
    const base = await importFiles(ds, [path.join(FIXTURES, 'example.json')], () => undefined, {
      now: NOW,
    });
    expect(base.ok).toBe(true);
    const storedRows = async () =>
      Number((await ds.query('SELECT COUNT(*) AS n FROM license_usage'))[0].n);
    const before = await storedRows();

    const records = (consumed: (i: number) => number) =>
      Array.from({ length: 60 }, (_, i) => ({
        sourceId: 'cl-ams-1',
        licenseType: LicenseType.PROFESSIONAL,
        date: new Date(Date.UTC(2026, 5, 1) + i * 86_400_000).toISOString().slice(0, 10),
        consumed: consumed(i),
      }));
    const first = scratch.write('first.ndjson', ndjson(records((i) => i).slice(0, 40)));
    const second = scratch.write('second.ndjson', ndjson(records((i) => (i < 10 ? i + 1 : i))));
    const lines: string[] = [];
    const summary = await importFiles(ds, [first, second], (line) => lines.push(line), {
      now: NOW,
    });
    expect(summary.ok).toBe(true);
    expect(summary.files.map((f) => f.counts.usage)).toEqual([
      { read: 40, inserted: 40, updated: 0, unchanged: 0, removed: 0 },
      { read: 60, inserted: 20, updated: 10, unchanged: 30, removed: 0 },
    ]);
    expect(await storedRows()).toBe(before + 60);

    // Asked once (by the first write: the example's usage), refused once, said once; that write
    // and both files went in through INSERTs.
    expect(logger.statements.filter((s) => s.startsWith('LOAD DATA'))).toHaveLength(1);
    expect(logger.statements.filter((s) => s.startsWith('INSERT INTO usage_staging'))).toHaveLength(
      3,
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/refuses LOAD DATA LOCAL INFILE.*multi-row INSERTs instead/);
  });
});
