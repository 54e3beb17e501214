// CSV as RFC 4180 writes it: fields joined by commas, lines ended by CRLF, and a field that holds
// a comma, a double quote, CR or LF enclosed in double quotes with its quotes doubled.

export function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: ReadonlyArray<string | number | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
