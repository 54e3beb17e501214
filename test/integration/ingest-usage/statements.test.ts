import { useFixtureDatabase } from '../../support/fixture-database';
import { StatementCounter } from '../../support/statement-counter';
import { ingest, series } from './setup';
import type { Rec } from './setup';

// A batch costs a fixed number of statements per 2,000 rows, never one per record or per source:
// the viewer, the sources and their entitlements (one statement each), one upsert per chunk
// (SQLite also reads the chunk's stored rows first), one update of the sources' lastReportedAt.

const counter = new StatementCounter();
const { db } = useFixtureDatabase({ logger: counter });

/** The same number of records spread over five sources of two customers. */
function spread(from: string, perSource: number): Rec[] {
  return [
    ...series('cl-ams-1', 'PROFESSIONAL', from, perSource),
    ...series('cl-fra-1', 'COMMON_AREA', from, perSource),
    ...series('t-acme-us', 'BASIC', from, perSource),
    ...series('t-globex-eu', 'BASIC', from, perSource),
    ...series('cl-initech-1', 'PROFESSIONAL', from, perSource),
  ];
}

it.each([
  [5, 1, '1990-01-01'],
  [1000, 3, '1991-01-01'],
])(
  '%i records for each of 5 sources: %i chunks, a fixed number of statements each',
  async (perSource, chunks, from) => {
    const records = spread(from, perSource);
    const { result, statements } = await counter.measure(() =>
      ingest(db.ds, 'u-uc-north', records),
    );
    expect(result.inserted).toBe(records.length);
    const perChunk = db.kind === 'mysql' ? 1 : 2;
    // viewer + sources + entitlements + upserts + lastReportedAt
    expect(statements).toHaveLength(3 + chunks * perChunk + 1);
  },
);
