import { loadConfig } from '../config';
import type { Config } from '../config';
import { createLogger } from '../logger';
import type { Logger } from '../logger';

// What every command shares for one run of the command line: the configuration (read on first
// use, so that `--help` works even with a bad environment), the diagnostics logger, and the two
// output streams. Tests hand in their own environment and streams.

export interface CliIo {
  env: Record<string, string | undefined>;
  /** A command's output for people and pipes: plain lines. */
  stdout(text: string): void;
  /** Problems and progress that must not mix into piped output. */
  stderr(text: string): void;
}

export const processIo: CliIo = {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

export class CliSession {
  /** What the process exits with once the command is done. */
  exitCode = 0;
  private loadedConfig: Config | undefined;
  private createdLogger: Logger | undefined;

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
    this.io.stdout(`${line}\n`);
  }

  warn(line: string): void {
    this.io.stderr(`${line}\n`);
  }

  /** Adapts a command (which resolves to its exit code) to a commander action. */
  action<A extends unknown[]>(
    command: (...args: A) => Promise<number>,
  ): (...args: A) => Promise<void> {
    return async (...args: A) => {
      this.exitCode = await command(...args);
    };
  }
}
