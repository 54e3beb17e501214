import { CommanderError } from 'commander';
import { ConfigError } from '../config';
import type { CliSession } from './session';

// How a failed command ends: one plain line on stderr and an exit code a script can test. Stacks
// are diagnostics, written by the logger only at LOG_LEVEL=debug.

export const EXIT = {
  OK: 0,
  /** The command ran and failed, or refused (a rejected import, an unknown user). */
  FAILURE: 1,
  /** The command line itself was wrong: unknown option, missing file, malformed value. */
  USAGE: 2,
  /** A configuration variable is wrong (sysexits.h EX_CONFIG). */
  CONFIG: 78,
} as const;

/** A failure the command explains itself; its message is for the user, as it stands. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.FAILURE,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

export class UsageError extends CliError {
  constructor(message: string) {
    super(message, EXIT.USAGE);
    this.name = 'UsageError';
  }
}

/** The first line of an error's message: drivers append detail (and sometimes SQL) below it. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n', 1)[0].trim() || 'unknown error';
}

/** Prints what went wrong and returns the exit code. */
export function reportFailure(error: unknown, session: CliSession): number {
  // Commander has printed its own message (or the help) already.
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  const { message, exitCode } = explain(error);
  session.warn(message);
  if (error instanceof CliError) {
    if (error.cause !== undefined && session.debugging) {
      session.logger.debug({ err: error.cause }, 'cause');
    }
  } else if (!(error instanceof ConfigError) && session.debugging) {
    session.logger.debug({ err: error }, 'command failed');
  }
  // A command run with --json promised one JSON object on stdout: a failure is one too.
  if (session.json) session.print(JSON.stringify({ ok: false, error: { message, exitCode } }));
  return exitCode;
}

function explain(error: unknown): { message: string; exitCode: number } {
  if (error instanceof ConfigError) {
    return { message: `Configuration error: ${error.message}`, exitCode: EXIT.CONFIG };
  }
  if (error instanceof CliError) return { message: error.message, exitCode: error.exitCode };
  return { message: `Error: ${firstLine(error)}`, exitCode: EXIT.FAILURE };
}
