// Column lists for the report statements. Column names come from code, never from input.

export const list = (columns: readonly string[], prefix = ''): string =>
  columns.map((c) => `${prefix}${c}`).join(', ');

/** `a, b, ` or nothing: a list that goes before more columns. */
export const withComma = (columns: readonly string[], prefix = ''): string =>
  columns.length > 0 ? `${list(columns, prefix)}, ` : '';

/** Joins two per-bucket subqueries on the bucket and the group columns. */
export const joinOn = (columns: readonly string[], a: string, b: string): string =>
  ['period', ...columns].map((c) => `${a}.${c} = ${b}.${c}`).join(' AND ');

/** `lu.a AS a, lu.b AS b, ` or nothing: qualified columns under their own names. */
export const selectAs = (columns: readonly string[], qualify: (name: string) => string): string =>
  columns.map((c) => `${qualify(c)} AS ${c}, `).join('');
