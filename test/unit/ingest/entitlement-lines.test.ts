import { LicenseType } from '../../../src/db/enums';
import { matchLines } from '../../../src/ingest/document/entitlement-lines';
import type { GivenLine } from '../../../src/ingest/document/entitlement-lines';
import type { ExistingEntitlement } from '../../../src/ingest/document/existing';

// Which stored line each given line of a subscription's new list is (the rules are in
// src/ingest/document/entitlement-lines.ts).

const PRO = LicenseType.PROFESSIONAL;
const given = (quantity: number, more: Partial<GivenLine> = {}): GivenLine => ({
  id: null,
  licenseType: PRO,
  quantity,
  startDate: '2026-01-01',
  endDate: null,
  ...more,
});
let nextId = 1;
const stored = (
  quantity: number,
  more: Partial<ExistingEntitlement> = {},
): ExistingEntitlement => ({
  id: nextId++,
  subscriptionId: 'Sub-1',
  customerId: 'c-1',
  lineId: null,
  licenseType: PRO,
  quantity,
  startDate: '2026-01-01',
  endDate: null,
  ...more,
});

/** The stored row id of each given line (null: new), and the ids removed. */
function match(lines: GivenLine[], rows: ExistingEntitlement[]) {
  const matched = matchLines(lines, rows);
  return {
    pairs: matched.pairs.map((p) => p.stored?.id ?? null),
    removed: matched.removed.map((r) => r.id),
  };
}

it('matches lines without a number by all their fields, in any order, twins one to one', () => {
  const rows = [stored(100), stored(40, { endDate: '2026-03-31' }), stored(100)];
  const [a, b, c] = rows.map((r) => r.id);
  expect(
    match([given(40, { endDate: '2026-03-31' }), given(100), given(100), given(100)], rows),
  ).toEqual({ pairs: [b, a, c, null], removed: [] });
});

it('takes a changed line for the same one only when it is the last of its type and day', () => {
  const rows = [stored(100), stored(40, { endDate: '2026-03-31' })];
  const [a, b] = rows.map((r) => r.id);
  // One left on each side: the seasonal pack grew.
  expect(match([given(100), given(60, { endDate: '2026-03-31' })], rows)).toEqual({
    pairs: [a, b],
    removed: [],
  });
  // Two left on each side: which is which cannot be told, so the old ones go and new ones come.
  expect(match([given(110), given(60)], rows)).toEqual({ pairs: [null, null], removed: [a, b] });
});

it('matches numbered lines by number, ignoring case, whatever else changed', () => {
  const rows = [stored(100, { lineId: 'L-10' }), stored(40, { lineId: '20' })];
  const [a, b] = rows.map((r) => r.id);
  expect(match([given(40, { id: 'l-10' }), given(999, { id: '30' })], rows)).toEqual({
    pairs: [a, null],
    removed: [b],
  });
});

it('gives a number to a stored line without one that has the same fields, unnumbered lines first', () => {
  const rows = [stored(100), stored(100)];
  const [a, b] = rows.map((r) => r.id);
  expect(match([given(100, { id: '10' }), given(100)], rows)).toEqual({
    pairs: [b, a],
    removed: [],
  });
  // A stored numbered line is never taken by a line without a number.
  expect(match([given(100)], [stored(100, { lineId: '10' })])).toMatchObject({
    pairs: [null],
  });
});
