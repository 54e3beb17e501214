import 'reflect-metadata';
import { Command } from 'commander';
import { registerDoctor } from './cli/doctor/doctor';
import { reportFailure } from './cli/errors';
import { registerImport } from './cli/import';
import { registerMigrate } from './cli/migrate';
import { registerSchema } from './cli/schema';
import { registerSeed } from './cli/seed';
import { registerServe } from './cli/serve';
import { CliSession, processIo } from './cli/session';
import type { CliIo } from './cli/session';
import { registerStart } from './cli/start';
import { registerToken } from './cli/token';
import { registerWorker } from './cli/worker';

// The `licensegraph` command line (bin/licensegraph.js builds, then calls main). Exit codes:
// 0 done, 1 failed or refused, 2 wrong command line, 78 bad configuration (src/cli/errors.ts).

export function buildProgram(session: CliSession): Command {
  const program = new Command('licensegraph')
    .description('Licensegraph: license usage reporting over a federated GraphQL API')
    // Subcommands made with .command() inherit these three settings.
    .exitOverride()
    .configureOutput({
      writeOut: (text) => session.io.stdout(text),
      writeErr: (text) => session.io.stderr(text),
    })
    .showHelpAfterError('(licensegraph help <command> shows its usage)');
  registerStart(program, session);
  registerMigrate(program, session);
  registerImport(program, session);
  registerSeed(program, session);
  registerToken(program, session);
  registerServe(program, session);
  registerWorker(program, session);
  registerSchema(program, session);
  registerDoctor(program, session);
  return program;
}

/** Runs one command line (`argv` as in process.argv) and resolves to the exit code. */
export async function main(
  argv: readonly string[] = process.argv,
  io: CliIo = processIo,
): Promise<number> {
  const session = new CliSession(io);
  try {
    await buildProgram(session).parseAsync(argv);
    return session.exitCode;
  } catch (error) {
    return reportFailure(error, session);
  }
}

if (require.main === module) {
  void main().then((code) => {
    // Not process.exit(): it could cut off output still being written to a pipe.
    process.exitCode = code;
  });
}
