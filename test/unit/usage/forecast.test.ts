import { addDays, daysBetween } from '../../../src/days';
import { exhaustion, HORIZON_DAYS } from '../../../src/subgraphs/usage/forecast/exhaustion';
import type { DailyTotal } from '../../../src/subgraphs/usage/forecast/exhaustion';
import { theilSen } from '../../../src/subgraphs/usage/forecast/theil-sen';

// The exhaustion forecast on fixtures with known shapes: the expected dates are worked out here
// from the formula that made each series, not from the code under test.

const AS_OF = '2026-06-30';

/** `days` daily totals ending on AS_OF, the value of day i (0 = the first) given by `value`. */
function series(days: number, value: (i: number) => number | null): DailyTotal[] {
  const first = addDays(AS_OF, -(days - 1));
  const out: DailyTotal[] = [];
  for (let i = 0; i < days; i++) {
    const total = value(i);
    if (total !== null) out.push({ day: addDays(first, i), total });
  }
  return out;
}

/** A deterministic noise in [-amplitude, amplitude] (a linear congruential sequence). */
function noise(amplitude: number): (i: number) => number {
  return (i) => {
    const r = ((i * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Math.round((r * 2 - 1) * amplitude);
  };
}

describe('exhaustion forecast', () => {
  it('follows a clean rise to the day it reaches purchased, with no band to speak of', () => {
    // 100 + 2 a day over 60 days: 218 on AS_OF, 300 reached 41 days later.
    const result = exhaustion(
      series(60, (i) => 100 + 2 * i),
      300,
      AS_OF,
    );
    expect(result).toEqual({
      dailyTrend: 2,
      exhaustionDate: addDays(AS_OF, 41),
      earliest: addDays(AS_OF, 41),
      latest: addDays(AS_OF, 41),
      historyDays: 60,
    });
  });

  it('finds the slope through noise and outliers, and puts the date inside its band', () => {
    const wobble = noise(8);
    const values = series(90, (i) => 400 + 1.5 * i + wobble(i));
    // Three broken reports: a collector that sent 0, one that sent ten times the truth.
    values[20].total = 0;
    values[50].total = 4000;
    values[70].total = 0;
    const result = exhaustion(values, 700, AS_OF);
    expect(Math.abs(result.dailyTrend - 1.5)).toBeLessThan(0.1);
    // The clean line is at 400 + 1.5 × 89 = 533.5 on AS_OF: 700 after 111 days.
    const days = daysBetween(AS_OF, result.exhaustionDate!);
    expect(Math.abs(days - 111)).toBeLessThanOrEqual(8);
    expect(result.earliest! < result.exhaustionDate!).toBe(true);
    expect(result.latest! > result.exhaustionDate!).toBe(true);
    expect(result.historyDays).toBe(90);
  });

  it('gives no date for a flat line, nor for a falling one', () => {
    expect(
      exhaustion(
        series(60, () => 250),
        300,
        AS_OF,
      ),
    ).toEqual({
      dailyTrend: 0,
      exhaustionDate: null,
      earliest: null,
      latest: null,
      historyDays: 60,
    });
    const falling = exhaustion(
      series(60, (i) => 290 - i),
      300,
      AS_OF,
    );
    expect(falling.dailyTrend).toBe(-1);
    expect(falling.exhaustionDate).toBeNull();
  });

  it('reads a step long ago as a new level, and a recent step as a rise with a wide band', () => {
    const early = exhaustion(
      series(60, (i) => (i < 10 ? 100 : 160)),
      300,
      AS_OF,
    );
    expect(early.dailyTrend).toBe(0);
    expect(early.exhaustionDate).toBeNull();

    const middle = exhaustion(
      series(60, (i) => (i < 30 ? 100 : 160)),
      300,
      AS_OF,
    );
    expect(middle.dailyTrend).toBeGreaterThan(0.5);
    expect(middle.dailyTrend).toBeLessThan(2);
    expect(middle.exhaustionDate).not.toBeNull();
    // Half the pairs say flat: the slow end of the band is flat, so it never gets there.
    expect(middle.latest).toBeNull();
  });

  it('fits across a gap in the reports as if the days were there', () => {
    const line = (i: number) => 100 + 2 * i;
    const withGap = exhaustion(
      series(60, (i) => (i >= 20 && i < 40 ? null : line(i))),
      300,
      AS_OF,
    );
    expect(withGap).toEqual(exhaustion(series(60, line), 300, AS_OF));
    expect(withGap.historyDays).toBe(60);
  });

  it('needs 14 days of history', () => {
    const rise = (i: number) => 100 + 5 * i;
    expect(exhaustion(series(13, rise), 300, AS_OF)).toMatchObject({
      dailyTrend: 5,
      exhaustionDate: null,
      historyDays: 13,
    });
    // 14 days: 165 on AS_OF, 300 after 27 days.
    expect(exhaustion(series(14, rise), 300, AS_OF)).toMatchObject({
      exhaustionDate: addDays(AS_OF, 27),
      historyDays: 14,
    });
  });

  it('gives no date beyond three years, and asOf when the trend is there already', () => {
    // 0.1 a day from 100: 300 after about 2,000 days.
    const slow = exhaustion(
      series(60, (i) => 100 + i / 10),
      300,
      AS_OF,
    );
    expect(slow.dailyTrend).toBeCloseTo(0.1, 10);
    expect(slow.exhaustionDate).toBeNull();
    // 1 a day reaching 300 + 1,095 ... just within the horizon.
    const edge = exhaustion(
      series(30, (i) => i - 29 + 300 - HORIZON_DAYS),
      300,
      AS_OF,
    );
    expect(edge.exhaustionDate).toBe(addDays(AS_OF, HORIZON_DAYS));
    const over = exhaustion(
      series(30, (i) => 300 + i),
      300,
      AS_OF,
    );
    expect(over.exhaustionDate).toBe(AS_OF);
  });

  it('gives no date when nothing is purchased or nothing was reported', () => {
    expect(
      exhaustion(
        series(30, (i) => i),
        0,
        AS_OF,
      ).exhaustionDate,
    ).toBeNull();
    expect(exhaustion([], 100, AS_OF)).toEqual({
      dailyTrend: 0,
      exhaustionDate: null,
      earliest: null,
      latest: null,
      historyDays: 0,
    });
  });
});

describe('Theil–Sen', () => {
  it('is the median of the pairwise slopes, unmoved by one wild point', () => {
    const points = [0, 1, 2, 3, 4, 5, 6].map((x) => ({ x, y: 10 + 3 * x }));
    points[3].y = 1000;
    const fit = theilSen(points)!;
    expect(fit.slope).toBe(3);
    expect(fit.intercept).toBe(10);
    // 15 of the 21 pairs say exactly 3: the interval holds nothing else.
    expect([fit.low.slope, fit.high.slope]).toEqual([3, 3]);
  });

  it('has no line through a single day', () => {
    expect(theilSen([{ x: 0, y: 5 }])).toBeNull();
    expect(theilSen([])).toBeNull();
  });
});
