import fs from 'node:fs';
import readline from 'node:readline';
import { parseJson } from '../json-text';
import type { UsageStreamImporter } from './usage-stream';

/** Streams an NDJSON file of usage records, one JSON object per line, into the importer. */
export async function readNdjsonUsage(file: string, importer: UsageStreamImporter): Promise<void> {
  const input = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  importer.readsFrom(input);
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      const text = lineNumber === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line;
      if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) continue;
      let record: unknown;
      try {
        record = JSON.parse(text);
      } catch {
        const parsed = parseJson(text);
        if (!parsed.ok) {
          importer.addUnreadable(lineNumber, { column: parsed.column, message: parsed.message });
        }
        continue;
      }
      const wait = importer.add(lineNumber, record);
      if (wait) await wait;
    }
  } finally {
    input.destroy();
  }
}
