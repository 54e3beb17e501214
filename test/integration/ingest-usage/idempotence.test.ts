import { useFixtureDatabase } from '../../support/fixture-database';
import { entitiesQuery, runAs } from '../../support/subgraph';
import { usageSubgraph } from '../../../src/subgraphs/usage';
import { ingest, rowOf, series, sourceFacts, storedUsage } from './setup';
import type { Rec } from './setup';

// Nothing counted twice, nothing lost: the same batch again changes nothing, two identical batches
// at once store the rows once and count them once; a source's lastReportedAt follows ingestion.

const { db, fixture } = useFixtureDatabase();

const expectedRows = (records: Rec[]) =>
  records.map((r) => rowOf(r, sourceFacts(fixture, r.sourceId))).sort();

/** The stored rows of the records' sources on the records' days. */
async function rowsOf(records: Rec[]): Promise<string[]> {
  const days = new Set(records.map((r) => r.date));
  const sources = [...new Set(records.map((r) => r.sourceId))];
  return (await storedUsage(db.ds, sources)).filter((row) => days.has(row.split(' ')[2]));
}

/** Three sources over enough days to take more than one statement per batch. */
function batch(from: string, perSource: number, consumed: (i: number) => number): Rec[] {
  return [
    ...series('cl-ams-1', 'PROFESSIONAL', from, perSource, consumed),
    ...series('t-acme-us', 'BASIC', from, perSource, consumed),
    ...series('cl-nyc-1', 'ROOM_SYSTEM', from, perSource, consumed),
  ];
}

describe('the same batch twice', () => {
  it('stores it once and reports it unchanged the second time', async () => {
    const records = batch('2000-01-01', 800, (i) => i % 97);
    const first = await ingest(db.ds, 'u-uc-acme', records);
    const rowsAfterFirst = await rowsOf(records);
    const second = await ingest(db.ds, 'u-uc-acme', records);
    expect(first).toEqual({
      accepted: 2400,
      inserted: 2400,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
    expect(second).toEqual({
      accepted: 2400,
      inserted: 0,
      updated: 0,
      unchanged: 2400,
      rejected: [],
    });
    expect(rowsAfterFirst).toEqual(expectedRows(records));
    expect(await rowsOf(records)).toEqual(rowsAfterFirst);
  });

  it('counts a changed count as updated, once', async () => {
    const records = batch('2003-01-01', 50, () => 3);
    await ingest(db.ds, 'u-uc-acme', records);
    const changed = records.map((r, i) => (i % 2 === 0 ? { ...r, consumed: 4 } : r));
    expect(await ingest(db.ds, 'u-uc-acme', changed)).toEqual({
      accepted: 150,
      inserted: 0,
      updated: 75,
      unchanged: 75,
      rejected: [],
    });
    expect(await rowsOf(records)).toEqual(expectedRows(changed));
  });
});

describe('two identical batches at once', () => {
  it('leave the rows of one and count every record once between them', async () => {
    const records = batch('2004-01-01', 1500, (i) => (i * 7) % 301);
    const [a, b] = await Promise.all([
      ingest(db.ds, 'u-uc-acme', records),
      ingest(db.ds, 'u-uc-north', records),
    ]);
    for (const payload of [a, b]) {
      expect(payload.accepted).toBe(records.length);
      expect(payload.rejected).toEqual([]);
      expect(payload.inserted + payload.updated + payload.unchanged).toBe(records.length);
    }
    expect({
      inserted: a.inserted + b.inserted,
      updated: a.updated + b.updated,
      unchanged: a.unchanged + b.unchanged,
    }).toEqual({ inserted: records.length, updated: 0, unchanged: records.length });
    expect(await rowsOf(records)).toEqual(expectedRows(records));
  });

  it('with new counts for stored rows, update each row once', async () => {
    const stored = batch('2009-01-01', 400, () => 1);
    await ingest(db.ds, 'u-uc-acme', stored);
    const records = stored.map((r) => ({ ...r, consumed: 2 }));
    const [a, b] = await Promise.all([
      ingest(db.ds, 'u-uc-acme', records),
      ingest(db.ds, 'u-uc-acme', records),
    ]);
    expect({
      inserted: a.inserted + b.inserted,
      updated: a.updated + b.updated,
      unchanged: a.unchanged + b.unchanged,
    }).toEqual({ inserted: 0, updated: records.length, unchanged: records.length });
    expect(await rowsOf(records)).toEqual(expectedRows(records));
  });
});

describe('lastReportedAt', () => {
  async function lastReportedAt(sourceId: string): Promise<string | null> {
    const result = await runAs(
      usageSubgraph,
      db.ds,
      'u-fa-acme',
      entitiesQuery('Cluster', 'id lastReportedAt'),
      { representations: [{ __typename: 'Cluster', id: sourceId }] },
    );
    expect(result.errors).toBeUndefined();
    return (result.data as { _entities: Array<{ lastReportedAt: string | null }> })._entities[0]
      .lastReportedAt;
  }

  it('is the time of the latest ingestion that stored something for the source', async () => {
    const before = Date.now();
    await ingest(db.ds, 'u-uc-acme', [
      { sourceId: 'cl-fra-1', licenseType: 'COMMON_AREA', date: '2015-03-01', consumed: 1 },
    ]);
    const after = Date.now();
    const reported = await lastReportedAt('cl-fra-1');
    expect(reported).not.toBeNull();
    const at = Date.parse(reported as string);
    // Stored with millisecond precision: within the call, give or take that millisecond.
    expect(at).toBeGreaterThanOrEqual(before - 1);
    expect(at).toBeLessThanOrEqual(after + 1);
    // A batch that stores nothing new (all unchanged) is no newer report.
    await ingest(db.ds, 'u-uc-acme', [
      { sourceId: 'cl-fra-1', licenseType: 'COMMON_AREA', date: '2015-03-01', consumed: 1 },
    ]);
    expect(await lastReportedAt('cl-fra-1')).toBe(reported);
  });
});
