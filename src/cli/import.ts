import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { importFiles } from '../ingest/import-files';
import type { ImportObserver } from '../ingest/import-progress';
import { withDatabase } from './database';
import { EXIT, UsageError } from './errors';
import type { ProgressLine } from './progress/progress-line';
import type { CliSession } from './session';

// `licensegraph import FILE... [--json]` (docs/contract/import-format.md). The importer
// reports each file and each problem with its location; this command only checks that the files
// are there before it opens the database, draws the progress of each file on stderr, and turns
// the outcome into the exit code. --json: one JSON object on stdout (the whole summary) instead.

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

/** One progress line per file: records read, and the share of the file's bytes read. */
function progressOf(session: CliSession): ImportObserver {
  let line: ProgressLine | undefined;
  return {
    fileStarted(file, bytesTotal) {
      line = session.progress(`import ${path.basename(file)}`, { known: bytesTotal > 0 });
    },
    progress({ read, bytesRead, bytesTotal }) {
      line?.update({ rows: read, fraction: bytesTotal > 0 ? bytesRead / bytesTotal : undefined });
    },
    fileDone(_file, { read }) {
      line?.finish({ rows: read, fraction: 1 });
      line = undefined;
    },
  };
}

async function importCommand(
  session: CliSession,
  files: string[],
  options: { json?: boolean },
): Promise<number> {
  session.json = options.json === true;
  const problems = files.map(unreadable).filter((problem) => problem !== null);
  if (problems.length > 0) throw new UsageError(`import: ${problems.join('; ')}`);
  // With --json the problems and counts are in the one object printed at the end.
  const report = session.json ? () => undefined : (line: string) => session.print(line);
  const summary = await withDatabase(session, (ds) =>
    importFiles(ds, files, report, { observer: progressOf(session) }),
  );
  if (session.json) session.print(JSON.stringify(summary));
  return summary.ok ? EXIT.OK : EXIT.FAILURE;
}

export function registerImport(program: Command, session: CliSession): void {
  program
    .command('import')
    .description('load JSON documents, NDJSON or CSV usage (exit 1 when anything was refused)')
    .argument('<file...>', '*.json, *.ndjson or *.csv files, in order')
    .option('--json', 'print one JSON object with the counts and problems of every file')
    .action(
      session.action((files: string[], options: { json?: boolean }) =>
        importCommand(session, files, options),
      ),
    );
}
