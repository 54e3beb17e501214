import { useFixtureDatabase } from '../../support/fixture-database';
import { FIXTURE_LAST_DAY } from '../../support/graph-fixture';
import {
  Role,
  addUser,
  dayFromToday,
  fixtureConsumed,
  ingest,
  ingestAs,
  rowOf,
  series,
  sourceFacts,
  storedUsage,
} from './setup';
import type { Rec } from './setup';

// ingestUsage record by record: every rejection code, a mixed batch storing exactly its valid
// records, sources out of scope looking exactly like unknown ones, the batch size limit.

const { db, fixture } = useFixtureDatabase();

beforeAll(async () => {
  // A collector of Acme that may also read Globex: Globex's sources are no secret to it.
  await addUser(db.ds, 'u-uc-ro', [
    { role: Role.USAGE_COLLECTOR, customerId: 'c-acme' },
    { role: Role.READ_ONLY_ADMIN, customerId: 'c-globex' },
  ]);
});

const ALL_SOURCES = () => [...fixture.clusters, ...fixture.tenants].map((s) => s.id);

describe('a mixed batch', () => {
  it('stores exactly its valid records and rejects each other one with its code', async () => {
    const lastKey = { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: FIXTURE_LAST_DAY };
    const before = fixtureConsumed(fixture, lastKey) as number;
    const nycKey = { sourceId: 'cl-nyc-1', licenseType: 'PROFESSIONAL', date: FIXTURE_LAST_DAY };
    const nycBefore = fixtureConsumed(fixture, nycKey) as number;
    const records: Rec[] = [
      { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-08-01', consumed: 100 },
      { sourceId: 'cl-nope-1', licenseType: 'PROFESSIONAL', date: '2026-08-01', consumed: 1 },
      { sourceId: 'cl-umb-1', licenseType: 'PROFESSIONAL', date: '2026-08-01', consumed: 1 },
      { sourceId: 'cl-ams-1', licenseType: 'STANDARD', date: dayFromToday(2), consumed: 1 },
      { sourceId: 'cl-ams-1', licenseType: 'STANDARD', date: '2026-08-01', consumed: -1 },
      { sourceId: 'cl-ams-1', licenseType: 'STANDARD', date: '2026-08-02', consumed: 10_000_001 },
      { sourceId: 'cl-ams-1', licenseType: 'BASIC', date: '2026-08-01', consumed: 3 },
      { sourceId: 't-acme-us', licenseType: 'BASIC', date: '2026-08-01', consumed: 7 },
      { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-08-01', consumed: 101 },
      { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-08-01', consumed: 100 },
      { sourceId: 'cl-nyc-1', licenseType: 'ROOM_SYSTEM', date: dayFromToday(1), consumed: 0 },
      { ...lastKey, consumed: before + 1 },
      { ...nycKey, consumed: nycBefore },
      { sourceId: 'cl-ams-1', licenseType: 'STANDARD', date: '0999-12-31', consumed: 1 },
      { sourceId: 'cl-ams-1', licenseType: 'STANDARD', date: '2026-08-03', consumed: 10_000_000 },
    ];
    const payload = await ingest(db.ds, 'u-uc-acme', records);
    expect(payload.rejected.map(({ index, code }) => ({ index, code }))).toEqual([
      { index: 1, code: 'UNKNOWN_SOURCE' },
      { index: 2, code: 'UNKNOWN_SOURCE' },
      { index: 3, code: 'INVALID_DATE' },
      { index: 4, code: 'NEGATIVE_COUNT' },
      { index: 5, code: 'COUNT_TOO_LARGE' },
      { index: 6, code: 'LICENSE_TYPE_NOT_ON_SOURCE' },
      { index: 8, code: 'DUPLICATE_IN_BATCH' },
      { index: 13, code: 'INVALID_DATE' },
    ]);
    // 0, 7, 10, 14 new; 11 changed; 12 as stored and 9 a repeat of 0.
    expect({ ...payload, rejected: undefined }).toEqual({
      accepted: 7,
      inserted: 4,
      updated: 1,
      unchanged: 2,
      rejected: undefined,
    });
    for (const { index, message } of payload.rejected) {
      expect({ index, message }).toEqual({ index, message: expect.stringMatching(/\S/) });
    }
    expect(payload.rejected.find((r) => r.index === 3)?.message).toContain(dayFromToday(1));
    expect(payload.rejected.find((r) => r.index === 8)?.message).toContain('index 0');

    const expected = [0, 7, 10, 11, 14].map((i) =>
      rowOf(records[i], sourceFacts(fixture, records[i].sourceId)),
    );
    const fixtureRows = fixture.usage
      .filter(
        (u) =>
          !(
            u.sourceId === lastKey.sourceId &&
            u.licenseType === lastKey.licenseType &&
            u.date === lastKey.date
          ),
      )
      .map((u) => rowOf(u, sourceFacts(fixture, u.sourceId)));
    expect(await storedUsage(db.ds, ALL_SOURCES())).toEqual([...fixtureRows, ...expected].sort());
  });

  it('says the same of a source out of the collector scope as of one that does not exist', async () => {
    const payload = await ingest(db.ds, 'u-uc-acme', [
      { sourceId: 'cl-umb-1', licenseType: 'PROFESSIONAL', date: '2026-08-05', consumed: 1 },
      { sourceId: 'cl-umb-2', licenseType: 'PROFESSIONAL', date: '2026-08-05', consumed: 1 },
      { sourceId: 't-globex-eu', licenseType: 'BASIC', date: '2026-08-05', consumed: 1 },
      { sourceId: 't-globex-xx', licenseType: 'BASIC', date: '2026-08-05', consumed: 1 },
    ]);
    const anonymised = payload.rejected.map((r) => ({
      code: r.code,
      message: r.message.replace(/"[^"]*"/, '"ID"'),
    }));
    expect(anonymised[0]).toEqual(anonymised[1]);
    expect(anonymised[2]).toEqual(anonymised[3]);
    expect(anonymised.map((r) => r.code)).toEqual(Array(4).fill('UNKNOWN_SOURCE'));
    expect(payload.accepted).toBe(0);
  });

  it('says FORBIDDEN_SOURCE for a source the collector may read but not report for', async () => {
    const payload = await ingest(db.ds, 'u-uc-ro', [
      { sourceId: 't-globex-eu', licenseType: 'BASIC', date: '2026-08-06', consumed: 1 },
      { sourceId: 'cl-umb-1', licenseType: 'PROFESSIONAL', date: '2026-08-06', consumed: 1 },
      { sourceId: 't-acme-jp', licenseType: 'BASIC', date: '2026-08-06', consumed: 4 },
    ]);
    expect(payload.rejected.map(({ index, code }) => ({ index, code }))).toEqual([
      { index: 0, code: 'FORBIDDEN_SOURCE' },
      { index: 1, code: 'UNKNOWN_SOURCE' },
    ]);
    expect(payload.inserted).toBe(1);
    expect(await storedUsage(db.ds, ['t-globex-eu', 'cl-umb-1'])).not.toEqual(
      expect.arrayContaining([expect.stringContaining('2026-08-06')]),
    );
  });

  it('lets a partner collector report for every customer of its partner, and no other', async () => {
    const payload = await ingest(db.ds, 'u-uc-north', [
      { sourceId: 't-globex-eu', licenseType: 'BASIC', date: '2026-08-07', consumed: 9 },
      { sourceId: 'cl-initech-1', licenseType: 'PROFESSIONAL', date: '2026-08-07', consumed: 8 },
      { sourceId: 't-umb-1', licenseType: 'BASIC', date: '2026-08-07', consumed: 1 },
    ]);
    expect(payload).toEqual({
      accepted: 2,
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: [{ index: 2, code: 'UNKNOWN_SOURCE', message: expect.any(String) }],
    });
  });
});

describe('the whole batch refused', () => {
  const sample: Rec[] = [
    { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-07-01', consumed: 5 },
  ];

  it.each([
    ['a read-only admin', 'u-ro-acme'],
    ['a support admin', 'u-sa-acme'],
    ['a partner admin', 'u-pa-north'],
    ['a full admin', 'u-fa-acme'],
    ['a partner full admin', 'u-pfa-north'],
    ['a partner read-only admin', 'u-pro-north'],
    ['a user without roles', 'u-none'],
  ])('FORBIDDEN for %s, nothing stored', async (_who, userId) => {
    const result = await ingestAs(db.ds, userId, sample);
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await storedUsage(db.ds, ['cl-ams-1'])).not.toContain(
      rowOf(sample[0], sourceFacts(fixture, 'cl-ams-1')),
    );
  });

  it('UNAUTHENTICATED without a token', async () => {
    const result = await ingestAs(db.ds, null, sample);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses every record of a collector of another customer', async () => {
    const records = [
      { sourceId: 't-globex-eu', licenseType: 'BASIC', date: '2026-07-02', consumed: 5 },
      { sourceId: 'cl-umb-1', licenseType: 'PROFESSIONAL', date: '2026-07-02', consumed: 5 },
    ];
    const payload = await ingest(db.ds, 'u-uc-acme', records);
    expect(payload.accepted).toBe(0);
    expect(payload.rejected.map((r) => r.code)).toEqual(['UNKNOWN_SOURCE', 'UNKNOWN_SOURCE']);
    expect(await storedUsage(db.ds, ['t-globex-eu', 'cl-umb-1'])).not.toEqual(
      expect.arrayContaining([expect.stringContaining('2026-07-02')]),
    );
  });

  it('BAD_USER_INPUT beyond 5,000 records, nothing stored; 5,000 are taken', async () => {
    const over = series('cl-fra-1', 'COMMON_AREA', '2010-01-01', 5001);
    const result = await ingestAs(db.ds, 'u-uc-acme', over);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/5001 records.*at most 5000/);
    expect(await storedUsage(db.ds, ['cl-fra-1'])).toHaveLength(
      fixture.usage.filter((u) => u.sourceId === 'cl-fra-1').length,
    );

    const payload = await ingest(db.ds, 'u-uc-acme', over.slice(0, 5000));
    expect(payload).toEqual({
      accepted: 5000,
      inserted: 5000,
      updated: 0,
      unchanged: 0,
      rejected: [],
    });
  });

  it('BAD_USER_INPUT for a date that is no calendar day, nothing stored', async () => {
    const result = await ingestAs(db.ds, 'u-uc-acme', [
      { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-06-01', consumed: 5 },
      { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-02-30', consumed: 5 },
    ]);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(await storedUsage(db.ds, ['cl-ams-1'])).not.toEqual(
      expect.arrayContaining([expect.stringContaining('2026-06-01')]),
    );
  });
});
