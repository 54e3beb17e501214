import { dayProblem, epochDay, formatEpochDay, utcEpochDay } from '../../src/days';

describe('calendar days', () => {
  it('reads strict YYYY-MM-DD days that exist', () => {
    expect(epochDay('1970-01-01')).toBe(0);
    expect(epochDay('2028-02-29')).toBe(epochDay('2028-02-28')! + 1);
    expect(formatEpochDay(epochDay('2026-11-29')!)).toBe('2026-11-29');
    expect(utcEpochDay(new Date('2026-11-29T23:59:59Z'))).toBe(epochDay('2026-11-29'));
  });

  it.each([
    ['2026-02-30', '"2026-02-30" is not a day of the calendar'],
    ['2027-02-29', '"2027-02-29" is not a day of the calendar'],
    ['2026-13-01', '"2026-13-01" is not a day of the calendar'],
    ['2026-00-10', '"2026-00-10" is not a day of the calendar'],
    ['0999-12-31', '"0999-12-31" is not a day of the calendar'],
    ['2026-1-5', '"2026-1-5" is not a date written YYYY-MM-DD'],
    ['2026-01-05T00:00:00Z', '"2026-01-05T00:00:00Z" is not a date written YYYY-MM-DD'],
    [' 2026-01-05', '" 2026-01-05" is not a date written YYYY-MM-DD'],
    [20260105, 'must be a date written YYYY-MM-DD'],
  ])('refuses %p', (value, message) => {
    expect(dayProblem(value)).toBe(message);
    if (typeof value === 'string') expect(epochDay(value)).toBeUndefined();
  });
});
