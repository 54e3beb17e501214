import fs from 'node:fs';
import { parse } from 'csv-parse';
import type { CsvError, Info } from 'csv-parse';
import { USAGE_FIELDS } from '../validate/usage-input';
import type { UsageStreamImporter } from './usage-stream';

// CSV usage: the header must be exactly sourceId,licenseType,date,consumed; each further record
// is one usage record. Quoted fields and CRLF line ends are csv-parse's business; a record it
// cannot read is reported by its line and skipped.

export const CSV_HEADER = USAGE_FIELDS.join(',');

/** CSV has no numbers: a count is an integer written in digits, anything else stays text. */
function count(field: string | undefined): unknown {
  return field !== undefined && /^-?\d{1,16}$/.test(field) ? Number(field) : field;
}

export async function readCsvUsage(file: string, importer: UsageStreamImporter): Promise<void> {
  const input = fs.createReadStream(file);
  importer.readsFrom(input);
  const parser = input.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (!error) return;
        const line = Number((error as unknown as { lines?: number }).lines) || 0;
        importer.addUnreadable(line, { message: `not valid CSV: ${error.message}` });
      },
    }),
  );
  let header = false;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: Info;
    }>) {
      if (!header) {
        if (record.join(',') !== CSV_HEADER) {
          importer.refuse(
            info.lines,
            `the header must be exactly "${CSV_HEADER}", got "${record.join(',').slice(0, 80)}"`,
          );
          return;
        }
        header = true;
        continue;
      }
      if (record.length !== USAGE_FIELDS.length) {
        importer.addUnreadable(info.lines, {
          message: `expected ${USAGE_FIELDS.length} fields (${CSV_HEADER}), got ${record.length}`,
        });
        continue;
      }
      const [sourceId, licenseType, date, consumed] = record;
      const wait = importer.add(info.lines, {
        sourceId,
        licenseType,
        date,
        consumed: count(consumed),
      });
      if (wait) await wait;
    }
  } finally {
    input.destroy();
  }
  if (!header) importer.refuse(1, `the file has no header "${CSV_HEADER}"`);
}
