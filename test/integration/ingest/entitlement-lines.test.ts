import { importDocument } from '../../../src/ingest/document/import-document';
import { importFiles } from '../../../src/ingest/import-files';
import { subscriptionsSubgraph } from '../../../src/subgraphs/subscriptions';
import { usageSubgraph } from '../../../src/subgraphs/usage';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { StatementCounter } from '../../support/statement-counter';
import { runAs } from '../../support/subgraph';
import { clearTables, dumpTables, scratchFolder } from './database-state';

// An entitlement is an order line of its own: two lines of one license type from the same day (a
// permanent pack and a seasonal one that ends earlier) are both stored and shown, and what is
// purchased is their sum wherever it is read: license summaries, alerts, usage reports. Without
// line numbers, a document imported again is matched line by line on all fields and writes
// nothing; with them, a changed line is rewritten in place.

const NOW = new Date('2026-11-29T12:00:00.000Z');
const WINTER = '2026-02-15'; // both packs in force: 100 + 40
const AUTUMN = '2026-11-28'; // the seasonal pack has ended: 100

const permanent = { licenseType: 'PROFESSIONAL', quantity: 100, startDate: '2026-01-01' };
const seasonal = { ...permanent, quantity: 40, endDate: '2026-03-31' };

function document(entitlements: unknown[]) {
  return {
    partners: [{ id: 'p-lines', name: 'Lines Partner' }],
    customers: [{ id: 'c-lines', partnerId: 'p-lines', name: 'Lines Customer' }],
    subscriptions: [
      {
        id: 'Sub-lines',
        customerId: 'c-lines',
        kind: 'DEDICATED_INSTANCE',
        status: 'ACTIVE',
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        entitlements,
      },
    ],
    clusters: [{ id: 'cl-lines', subscriptionId: 'Sub-lines', name: 'L-1', region: 'EMEA' }],
    users: [{ id: 'u-lines', email: 'admin@lines.example', displayName: 'Admin' }],
    roleAssignments: [{ userId: 'u-lines', role: 'FULL_ADMIN', customerId: 'c-lines' }],
    // Winter: 130 of 140 (over the permanent pack alone). Autumn: 105 of 100.
    usage: [
      { sourceId: 'cl-lines', licenseType: 'PROFESSIONAL', date: WINTER, consumed: 130 },
      { sourceId: 'cl-lines', licenseType: 'PROFESSIONAL', date: AUTUMN, consumed: 105 },
    ],
  };
}

describe('entitlement lines', () => {
  let db: TestDatabase;
  const counter = new StatementCounter();
  const scratch = scratchFolder();

  beforeAll(async () => {
    db = await openTestDatabase({ logger: counter });
  });
  afterAll(async () => {
    scratch.cleanup();
    await db.close();
  });
  beforeEach(() => clearTables(db.ds));

  const imported = async (doc: unknown) => {
    const result = await importDocument(db.ds, doc, 'lines.json', { now: NOW });
    expect(result.problems).toEqual([]);
    return result.counts.entitlements;
  };
  const storedLines = async () =>
    (
      (await db.ds.query(
        `SELECT id, line_id, license_type, quantity, start_date, end_date FROM entitlements ORDER BY id`,
      )) as Array<Record<string, unknown>>
    ).map((r) => ({
      id: Number(r.id),
      line_id: r.line_id as string | null,
      license_type: r.license_type,
      quantity: Number(r.quantity),
      start_date: r.start_date,
      end_date: r.end_date,
    }));

  const data = async (
    module: typeof usageSubgraph,
    source: string,
    variables: Record<string, unknown> = {},
  ) => {
    const result = await runAs(module, db.ds, 'u-lines', source, variables, AUTUMN);
    expect(result.errors).toBeUndefined();
    return result.data as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  };

  it('stores two packs of one type from the same day, and imports them again writing nothing', async () => {
    expect(await imported(document([permanent, seasonal]))).toMatchObject({ inserted: 2 });
    const lines = await storedLines();
    expect(lines.map(({ id: _id, ...line }) => line)).toEqual([
      { ...line(permanent), line_id: null, end_date: null },
      { ...line(seasonal), line_id: null },
    ]);

    // The same document again, as a file: every line unchanged, no row written.
    const file = scratch.write('lines.json', JSON.stringify(document([permanent, seasonal])));
    const before = await dumpTables(db.ds);
    const printed: string[] = [];
    const { result, statements } = await counter.measure(() =>
      importFiles(db.ds, [file], (text) => printed.push(text), { now: NOW }),
    );
    expect(result.ok).toBe(true);
    expect(result.files[0].counts.entitlements).toEqual({
      read: 2,
      inserted: 0,
      updated: 0,
      unchanged: 2,
      removed: 0,
    });
    expect(printed).toEqual([expect.stringContaining('; entitlements 2 unchanged;')]);
    // (MySQL upserts the usage rows and learns from its answer that none changed.)
    const writes = statements.filter((s) => /^\s*(INSERT|UPDATE|DELETE)/i.test(s));
    expect(writes.filter((s) => !s.trim().startsWith('INSERT INTO license_usage '))).toEqual([]);
    expect(await dumpTables(db.ds)).toEqual(before);

    // In another order: still the same two lines.
    expect(await imported(document([seasonal, permanent]))).toMatchObject({ unchanged: 2 });
    expect(await storedLines()).toEqual(lines);
  });

  it('keeps two identical lines as two, and drops one when the list holds it once', async () => {
    expect(await imported(document([permanent, permanent]))).toMatchObject({ inserted: 2 });
    expect(await imported(document([permanent, permanent]))).toMatchObject({ unchanged: 2 });
    expect(await imported(document([permanent]))).toMatchObject({ unchanged: 1, removed: 1 });
    expect(await storedLines()).toHaveLength(1);
  });

  it('rewrites a numbered line in place when its quantity changes', async () => {
    await imported(document([permanent, seasonal]));
    const [first, second] = await storedLines();
    // Numbers given for the first time: the stored lines take them, keeping their rows.
    const numbered = [
      { id: '10', ...permanent },
      { id: 20, ...seasonal },
    ];
    expect(await imported(document(numbered))).toMatchObject({ updated: 2, inserted: 0 });
    expect(await storedLines()).toEqual([
      { ...first, line_id: '10' },
      { ...second, line_id: '20' },
    ]);
    expect(await imported(document(numbered))).toMatchObject({ unchanged: 2 });

    const more = [numbered[0], { ...numbered[1], quantity: 60 }];
    expect(await imported(document(more))).toEqual({
      read: 2,
      inserted: 0,
      updated: 1,
      unchanged: 1,
      removed: 0,
    });
    expect(await storedLines()).toEqual([
      { ...first, line_id: '10' },
      { ...second, line_id: '20', quantity: 60 },
    ]);

    // Two numbered lines of one type and day may differ in nothing but their numbers.
    const twin = { id: '30', ...permanent };
    expect(await imported(document([...more, twin]))).toMatchObject({ inserted: 1, unchanged: 2 });
    expect(await imported(document([more[1], twin]))).toMatchObject({ removed: 1, unchanged: 2 });
    expect((await storedLines()).map((l) => l.line_id)).toEqual(['20', '30']);
  });

  it('shows both lines and sums them in summaries, alerts and reports', async () => {
    await imported(document([{ id: 'A1', ...permanent }, seasonal]));

    const subscription = await data(
      subscriptionsSubgraph,
      `{ subscription(id: "Sub-lines") { entitlements { line licenseType quantity startDate endDate } } }`,
    );
    expect(subscription.subscription).toEqual({
      entitlements: [
        {
          line: 'A1',
          licenseType: 'PROFESSIONAL',
          quantity: 100,
          startDate: '2026-01-01',
          endDate: null,
        },
        {
          line: null,
          licenseType: 'PROFESSIONAL',
          quantity: 40,
          startDate: '2026-01-01',
          endDate: '2026-03-31',
        },
      ],
    });

    const summaryOf = async (typename: string, id: string, asOf: string) =>
      (
        await data(
          usageSubgraph,
          `query($representations: [_Any!]!, $asOf: Date) {
             _entities(representations: $representations) { ... on ${typename} {
               licenseSummary(asOf: $asOf) { licenseType purchased consumed } } } }`,
          { representations: [{ __typename: typename, id }], asOf },
        )
      )._entities[0].licenseSummary;
    expect(await summaryOf('LicenseSubscription', 'Sub-lines', WINTER)).toEqual([
      { licenseType: 'PROFESSIONAL', purchased: 140, consumed: 130 },
    ]);
    expect(await summaryOf('LicenseSubscription', 'Sub-lines', AUTUMN)).toEqual([
      { licenseType: 'PROFESSIONAL', purchased: 100, consumed: 105 },
    ]);

    const customer = async (asOf: string) =>
      (
        await data(
          usageSubgraph,
          `query($representations: [_Any!]!, $asOf: Date) {
             _entities(representations: $representations) { ... on Customer {
               licenseSummary(asOf: $asOf) { licenseType purchased consumed }
               alerts(asOf: $asOf, kinds: [OVER_LICENSE_LIMIT]) { severity consumed purchased } } } }`,
          { representations: [{ __typename: 'Customer', id: 'c-lines' }], asOf },
        )
      )._entities[0];
    // Winter: 130 of 140 purchased, within the limit (over the permanent pack alone).
    expect(await customer(WINTER)).toEqual({
      licenseSummary: [{ licenseType: 'PROFESSIONAL', purchased: 140, consumed: 130 }],
      alerts: [],
    });
    // Autumn: the seasonal pack has ended; 105 of 100.
    expect(await customer(AUTUMN)).toEqual({
      licenseSummary: [{ licenseType: 'PROFESSIONAL', purchased: 100, consumed: 105 }],
      alerts: [{ severity: 'MAJOR', consumed: 105, purchased: 100 }],
    });

    const report = await data(
      usageSubgraph,
      `{ usageReport(filter: { from: "2026-02-01", to: "2026-11-30" }, groupBy: [LICENSE_TYPE],
           granularity: MONTH) { rows { period licenseType purchased } } }`,
    );
    expect(report.usageReport.rows).toEqual([
      { period: '2026-02-01', licenseType: 'PROFESSIONAL', purchased: 140 },
      { period: '2026-11-01', licenseType: 'PROFESSIONAL', purchased: 100 },
    ]);
  });
});

/** An entitlement of the document as its row shows it (end_date added by the caller if null). */
function line(e: { licenseType: string; quantity: number; startDate: string; endDate?: string }) {
  return {
    license_type: e.licenseType,
    quantity: e.quantity,
    start_date: e.startDate,
    end_date: e.endDate ?? null,
  };
}
