import { UsageInputChecker } from '../../../src/ingest/validate/usage-input';

// The checks a usage record passes on its own, with the codes the ingestUsage mutation reports.

const NOW = new Date('2026-11-29T23:30:00Z');
const good = { sourceId: 'cl-ams-1', licenseType: 'PROFESSIONAL', date: '2026-11-30', consumed: 0 };

describe('UsageInputChecker', () => {
  const checker = new UsageInputChecker(NOW);

  it('accepts a record dated up to tomorrow (UTC), with its day as a number', () => {
    expect(checker.check(good)).toEqual({
      sourceId: 'cl-ams-1',
      licenseType: 'PROFESSIONAL',
      day: '2026-11-30',
      consumed: 0,
      epochDay: Date.UTC(2026, 10, 30) / 86_400_000,
    });
    expect(checker.check({ ...good, consumed: 10_000_000 })).not.toBeInstanceOf(Array);
  });

  it.each([
    [
      { ...good, date: '2026-12-01' },
      'INVALID_DATE',
      'date',
      '"2026-12-01" is more than one day in the future (the latest day accepted is 2026-11-30)',
    ],
    [
      { ...good, date: '2026-02-30' },
      'INVALID_DATE',
      'date',
      '"2026-02-30" is not a day of the calendar',
    ],
    [{ ...good, consumed: -1 }, 'NEGATIVE_COUNT', 'consumed', 'must not be negative, got -1'],
    [
      { ...good, consumed: 10_000_001 },
      'COUNT_TOO_LARGE',
      'consumed',
      'must be at most 10000000, got 10000001',
    ],
    [{ ...good, consumed: 1.5 }, 'INVALID_RECORD', 'consumed', 'must be an integer, got 1.5'],
    [{ ...good, consumed: '3' }, 'INVALID_RECORD', 'consumed', 'must be an integer, got "3"'],
    [
      { ...good, licenseType: 'GOLD' },
      'INVALID_RECORD',
      'licenseType',
      '"GOLD" is not a LicenseType',
    ],
    [
      { ...good, sourceId: 'cl ams' },
      'UNKNOWN_SOURCE',
      'sourceId',
      expect.stringContaining('"cl ams" is not a valid id'),
    ],
    [
      { ...good, sourceId: 7 },
      'INVALID_RECORD',
      'sourceId',
      expect.stringContaining('7 is not a valid id'),
    ],
    [{ ...good, extra: 1 }, 'INVALID_RECORD', 'extra', 'unknown field'],
    [
      { licenseType: 'BASIC', date: '2026-11-01', consumed: 1 },
      'INVALID_RECORD',
      'sourceId',
      'is required',
    ],
  ])('refuses %p', (record, code, field, message) => {
    expect(checker.check(record)).toEqual([{ code, field, message }]);
  });

  it('reports every problem of a record at once', () => {
    const problems = checker.check({
      sourceId: 'cl-1',
      licenseType: 'GOLD',
      date: '2026-1-5',
      consumed: -2,
    });
    expect((problems as Array<{ field: string }>).map((p) => p.field)).toEqual([
      'licenseType',
      'date',
      'consumed',
    ]);
  });

  it('refuses what is not an object', () => {
    expect(checker.check([1])).toEqual([
      {
        code: 'INVALID_RECORD',
        message: 'expected an object with sourceId, licenseType, date, consumed, got [1]',
      },
    ]);
  });
});
