import fs from 'node:fs';
import type { Command } from 'commander';
import { importFiles } from '../ingest/import-files';
import { withDatabase } from './database';
import { EXIT, UsageError } from './errors';
import type { CliSession } from './session';

// `licensegraph import FILE...` (docs/contract/import-format.md). The importer reports each
// file and each problem with its location; this command only checks that the files are there
// before it opens the database, and turns the outcome into the exit code.

function unreadable(file: string): string | null {
  try {
    if (!fs.statSync(file).isFile()) return `${file}: not a file`;
    fs.accessSync(file, fs.constants.R_OK);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot be read (${code})`;
  }
}

async function importCommand(session: CliSession, files: string[]): Promise<number> {
  const problems = files.map(unreadable).filter((problem) => problem !== null);
  if (problems.length > 0) throw new UsageError(`import: ${problems.join('; ')}`);
  const summary = await withDatabase(session, (ds) =>
    importFiles(ds, files, (line) => session.print(line)),
  );
  return summary.ok ? EXIT.OK : EXIT.FAILURE;
}

export function registerImport(program: Command, session: CliSession): void {
  program
    .command('import')
    .description('load JSON documents, NDJSON or CSV usage (exit 1 when anything was refused)')
    .argument('<file...>', '*.json, *.ndjson or *.csv files, in order')
    .action(session.action((files: string[]) => importCommand(session, files)));
}
