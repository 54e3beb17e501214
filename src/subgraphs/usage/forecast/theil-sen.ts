// A robust straight line through daily totals: the Theil–Sen estimator (the median of the slopes
// of every pair of points) with Sen's (1968) rank-based confidence interval for the slope.
//
// Written here rather than taken from npm: ml-regression-theil-sen (the one maintained package)
// returns the slope and intercept only, while the band needs the sorted pairwise slopes and the
// ranks of Sen's interval; computing the pairs once here gives both from one sort. n points cost
// n(n-1)/2 slopes: historyDays is capped (FORECAST_MAX_HISTORY_DAYS) so a fit stays small.

export interface Point {
  /** Days relative to a reference day (the forecast's asOf: 0, earlier days negative). */
  x: number;
  y: number;
}

export interface Line {
  slope: number;
  /** The line's value at x = 0. */
  intercept: number;
}

export interface TheilSenFit extends Line {
  /** The same data's line at the slow and the fast end of the slope's confidence interval. */
  low: Line;
  high: Line;
}

/** Two-sided 95 %: the normal quantile Sen's interval is built with. */
const Z_95 = 1.959964;

function median(sorted: ArrayLike<number>): number {
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The intercept that goes with `slope`: the median of y - slope x (Theil–Sen's own choice). */
function lineWith(points: readonly Point[], slope: number): Line {
  // A typed array sorts numbers natively, several times faster than Array#sort with a comparator.
  const offsets = Float64Array.from(points, (p) => p.y - slope * p.x).sort();
  return { slope, intercept: median(offsets) };
}

/** Sum of t(t-1)(2t+5) over groups of equal values: the tie correction of Kendall's S variance. */
function tieTerm(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let sum = 0;
  for (const t of counts.values()) sum += t * (t - 1) * (2 * t + 5);
  return sum;
}

/**
 * The Theil–Sen line of `points` (at least two distinct x) and the lines at the ends of the 95 %
 * interval of its slope; null when fewer than two distinct x leave no slope to take.
 */
export function theilSen(points: readonly Point[]): TheilSenFit | null {
  const all = new Float64Array((points.length * (points.length - 1)) / 2);
  let count = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const dx = points[j].x - points[i].x;
      if (dx !== 0) all[count++] = (points[j].y - points[i].y) / dx;
    }
  }
  if (count === 0) return null;
  const slopes = all.subarray(0, count).sort();
  const slope = median(slopes);

  // Sen's interval: the slopes of rank (N ∓ z·σ_S)/2, σ_S² Kendall's S variance with ties.
  const n = points.length;
  const variance =
    (n * (n - 1) * (2 * n + 5) -
      tieTerm(points.map((p) => p.x)) -
      tieTerm(points.map((p) => p.y))) /
    18;
  const spread = Z_95 * Math.sqrt(Math.max(variance, 0));
  const last = slopes.length - 1;
  const lowRank = Math.max(Math.round((slopes.length - spread) / 2) - 1, 0);
  const highRank = Math.min(Math.round((slopes.length + spread) / 2), last);
  return {
    ...lineWith(points, slope),
    low: lineWith(points, Math.min(slopes[lowRank], slope)),
    high: lineWith(points, Math.max(slopes[highRank], slope)),
  };
}
