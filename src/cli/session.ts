import { loadConfig } from '../config';
import type { Config } from '../config';
import { createLogger } from '../logger';
import type { Logger } from '../logger';
import { createProgressLine } from './progress/progress-line';
import type { ProgressLine } from './progress/progress-line';

// What every command shares for one run of the command line: the configuration (read on first
// use, so that `--help` works even with a bad environment), the diagnostics logger, and the two
// output streams. Tests hand in their own environment and streams.

export interface CliIo {
  env: Record<string, string | undefined>;
  /** A command's output for people and pipes: plain lines. */
  stdout(text: string): void;
  /** Problems and progress that must not mix into piped output. */
  stderr(text: string): void;
  /** stderr when it is a terminal: progress is a live line there, plain lines elsewhere. */
  terminal?: NodeJS.WriteStream;
}

export const processIo: CliIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  terminal: process.stderr.isTTY ? process.stderr : undefined,
};

export class CliSession {
  /** What the process exits with once the command is done. */
  exitCode = 0;
  private loadedConfig: Config | undefined;
  private createdLogger: Logger | undefined;
  private activeProgress: ProgressLine | undefined;
  /** Set by a command run with --json: stdout holds one JSON object, a failure included. */
  json = false;

  constructor(readonly io: CliIo = processIo) {}

  /** Throws ConfigError on a bad environment variable. */
  get config(): Config {
    this.loadedConfig ??= loadConfig(this.io.env);
    return this.loadedConfig;
  }

  get logger(): Logger {
    this.createdLogger ??= createLogger(this.config.logLevel, {
      write: (line: string) => this.io.stderr(line),
    });
    return this.createdLogger;
  }

  /** True once the configuration loaded and asks for debug detail (stacks of failures). */
  get debugging(): boolean {
    return this.loadedConfig !== undefined && this.logger.isLevelEnabled('debug');
  }

  print(line: string): void {
    this.activeProgress?.clear();
    this.io.stdout(`${line}\n`);
  }

  warn(line: string): void {
    this.activeProgress?.clear();
    this.io.stderr(`${line}\n`);
  }

  /**
   * Progress of one piece of long work on stderr: a live line on a terminal (not with --json),
   * plain lines every PROGRESS_INTERVAL_SECONDS elsewhere. `known`: updates carry a fraction.
   */
  progress(label: string, options: { known: boolean }): ProgressLine {
    this.activeProgress?.abandon();
    const line = createProgressLine(
      label,
      {
        terminal: this.json ? undefined : this.io.terminal,
        line: (text) => this.io.stderr(`${text}\n`),
        intervalMs: this.config.operations.progressIntervalMs,
      },
      options,
    );
    this.activeProgress = line;
    return line;
  }

  /** Adapts a command (which resolves to its exit code) to a commander action. */
  action<A extends unknown[]>(
    command: (...args: A) => Promise<number>,
  ): (...args: A) => Promise<void> {
    return async (...args: A) => {
      try {
        this.exitCode = await command(...args);
      } finally {
        // A failed command leaves no live line drawing (nor its timer keeping the process up).
        this.activeProgress?.abandon();
        this.activeProgress = undefined;
      }
    };
  }
}

/**
 * For the long-running commands (start, serve, worker): resolves when the process is asked to
 * stop (Ctrl-C, `docker stop`, a supervisor).
 */
export function stopRequested(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
