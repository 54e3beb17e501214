// Lists ordered "as the contract declares the enum" (license types, server roles) are ordered in
// SQL, so that the database returns them ready and no resolver sorts.

const ENUM_VALUE = /^[A-Z][A-Z0-9_]*$/;

/** `CASE column WHEN 'A' THEN 0 WHEN 'B' THEN 1 … END` over an enum's declared values. */
export function enumOrderSql(column: string, values: readonly string[]): string {
  const cases = values.map((value, position) => {
    // The values are inlined, so they must be the enum's own constants, never input.
    if (!ENUM_VALUE.test(value)) throw new Error(`not an enum constant: ${value}`);
    return `WHEN '${value}' THEN ${position}`;
  });
  return `CASE ${column} ${cases.join(' ')} ELSE ${values.length} END`;
}
