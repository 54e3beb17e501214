import {
  createProgressLine,
  describeDone,
  describeProgress,
} from '../../../src/cli/progress/progress-line';

// The plain progress lines (what CI and pipes see) and their wording; the live line on a terminal
// is tested through a pseudo-terminal in test/integration/cli/progress.test.ts.

describe('progress lines', () => {
  it('says rows, rows per second, percent and time left', () => {
    expect(describeProgress('import u.csv', { rows: 40_000, fraction: 0.4 }, 2)).toBe(
      'import u.csv: 40,000 rows, 20,000 rows/s, 40 %, about 3 s left',
    );
    expect(describeProgress('seed bench', { rows: 1_500_000, fraction: 0.5 }, 150)).toBe(
      'seed bench: 1,500,000 rows, 10,000 rows/s, 50 %, about 2 min 30 s left',
    );
    expect(describeProgress('recount', { rows: 12 }, 4)).toBe('recount: 12 rows, 3 rows/s');
    expect(describeDone('import u.csv', { rows: 100_000, fraction: 1 }, 4)).toBe(
      'import u.csv: finished, 100,000 rows in 4.0 s (25,000 rows/s)',
    );
  });

  it('prints plain lines to its sink only, no more often than the interval, and a last one', () => {
    const printed: string[] = [];
    const everyUpdate = createProgressLine(
      'import u.csv',
      { line: (text) => printed.push(text), intervalMs: 0 },
      { known: true },
    );
    everyUpdate.update({ rows: 10, fraction: 0.5 });
    everyUpdate.update({ rows: 20, fraction: 1 });
    everyUpdate.finish({ rows: 20, fraction: 1 });
    expect(printed).toHaveLength(3);
    expect(printed[0]).toMatch(/^import u\.csv: 10 rows, [\d,]+ rows\/s, 50 %/);
    expect(printed[2]).toMatch(/^import u\.csv: finished, 20 rows in /);
  });

  it('stays quiet for work shorter than the interval', () => {
    const printed: string[] = [];
    const hourly = createProgressLine(
      'seed small',
      { line: (text) => printed.push(text), intervalMs: 3_600_000 },
      { known: true },
    );
    hourly.update({ rows: 10, fraction: 0.5 });
    hourly.finish({ rows: 20, fraction: 1 });
    expect(printed).toEqual([]);
  });
});
