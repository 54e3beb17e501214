import { foldDailyTotals } from '../../../src/db/queries/daily-totals';
import { LicenseType } from '../../../src/db/enums';

// The fold of snapshots into daily totals as LicenseSummary counts a day: each source at its
// latest snapshot, the level before the window landing on its first day.

const snap = (source: string, day: string, consumed: number, owner = 'c-1') => ({
  owner_id: owner,
  source_id: source,
  license_type: LicenseType.BASIC,
  day,
  consumed,
});

describe('foldDailyTotals', () => {
  it('carries each source forward between its reports, from the level before the window', () => {
    const totals = foldDailyTotals(
      [
        // s1 reported 10 before the window, then 12 and 15; s2 only on the 3rd, as a string
        // (MySQL's DECIMAL), then stopped.
        snap('s1', '2026-05-28', 10),
        snap('s1', '2026-06-02', 12),
        snap('s2', '2026-06-03', '7' as unknown as number),
        snap('s1', '2026-06-05', 15),
      ],
      '2026-06-01',
    );
    expect(totals.map((t) => [t.day, t.total])).toEqual([
      ['2026-06-01', 10],
      ['2026-06-02', 12],
      ['2026-06-03', 19],
      ['2026-06-05', 22],
    ]);
  });

  it('keeps owners apart and lists a day reported without change', () => {
    const totals = foldDailyTotals(
      [
        snap('s1', '2026-06-01', 5, 'a'),
        snap('s1', '2026-06-02', 5, 'a'),
        snap('s2', '2026-06-02', 3, 'b'),
      ],
      '2026-06-01',
    );
    expect(totals.map((t) => [t.ownerId, t.day, t.total])).toEqual([
      ['a', '2026-06-01', 5],
      ['a', '2026-06-02', 5],
      ['b', '2026-06-02', 3],
    ]);
  });
});
