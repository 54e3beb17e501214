/**
 * A DATETIME column read through a raw query: mysql2 gives a Date (the data source runs in UTC),
 * better-sqlite3 the text TypeORM stores ('YYYY-MM-DD HH:MM:SS.SSS', UTC without an offset).
 */
export function dateTimeValue(value: Date | string | null | undefined): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const hasOffset = /(Z|[+-]\d{2}:\d{2})$/i.test(value);
  return new Date(hasOffset ? value : `${value.replace(' ', 'T')}Z`);
}
