// CSV as RFC 4180 writes it: fields joined by commas, lines ended by CRLF, and a field that holds
// a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled.
//
// Formula injection (OWASP, "CSV Injection"): a spreadsheet runs a text cell that begins with =, +,
// -, @, tab or carriage return as a formula. Such a text cell is written with a single quote in
// front, and quoted. Only text is: numbers (consumed, peak, purchased) are written as numbers, so
// a negative count would stay a number a spreadsheet can add up; ids, regions and periods are
// text, whatever they look like ("-1" as a region is shown as '-1).

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
