// Bound-parameter placeholders, written once for every statement: values always go in as
// parameters, never into the SQL text.

/** `?,?,?` for `count` parameters. */
export function placeholders(count: number): string {
  return new Array<string>(count).fill('?').join(',');
}

/** `(?,?,?)`: an IN list for `values`, which the caller passes as parameters in the same order. */
export function inList(values: readonly unknown[]): string {
  return `(${placeholders(values.length)})`;
}
