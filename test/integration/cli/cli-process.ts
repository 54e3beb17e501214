import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { parseDatabaseUrl } from '../../../src/config';
import { openDataSource } from '../../../src/db/data-source';
import { createMysqlDatabase, testDbKind } from '../../support/database';
import { freePorts } from '../../support/free-ports';

// The real command line as a child process (`node bin/licensegraph.js`, which compiles dist/ when
// it is stale: the first call of a run may take a while), against a database of its own.

export const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin', 'licensegraph.js');

/** Long enough for the first call of a run, which compiles dist/ (on a busy machine). */
export const FIRST_CALL_TIMEOUT_MS = 240_000;

export interface CliResult {
  code: number | null;
  stdout: string;
  /** Without the line bin/licensegraph.js prints when it compiles dist/ first. */
  stderr: string;
}

const BUILDING_LINE = /^licensegraph: building dist\/.*\n/m;

export function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      // Only what the test gives: no DATABASE_URL or JWT_SECRET of the developer's shell leaks in.
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: FIRST_CALL_TIMEOUT_MS },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, stdout, stderr: stderr.replace(BUILDING_LINE, '') });
      },
    );
  });
}

export interface CliDatabase {
  /** DATABASE_URL for the child process. */
  url: string;
  /** DATA_DIR for the child process (the embedded setup keeps its JWT secret there). */
  dataDir: string;
  /** Opens the same database in the test, for checking what a command wrote. */
  open(): Promise<DataSource>;
  close(): Promise<void>;
}

/** A fresh database of the kind this jest project tests: a SQLite file, or a new MySQL database. */
export async function createCliDatabase(): Promise<CliDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-cli-'));
  const mysql = testDbKind() === 'mysql' ? await createMysqlDatabase() : null;
  const url = mysql?.url ?? `sqlite:${path.join(dataDir, 'licensegraph.sqlite')}`;
  return {
    url,
    dataDir,
    open: () => openDataSource(parseDatabaseUrl(url, dataDir), { migrate: mysql !== null }),
    async close() {
      await mysql?.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A long-running command (`start`, `serve`) as a child process, read line by line. */
/** Free ports for `serve`: the gateway's, and the environment that gives it and its subgraphs theirs. */
export async function servePorts(): Promise<{ gateway: number; env: Record<string, string> }> {
  const [gateway, organizations, subscriptions, usage] = await freePorts(4);
  return {
    gateway,
    env: {
      PORT: String(gateway),
      ORGANIZATIONS_PORT: String(organizations),
      SUBSCRIPTIONS_PORT: String(subscriptions),
      USAGE_PORT: String(usage),
    },
  };
}

export interface RunningCli {
  /** Everything printed on stdout so far. */
  stdout(): string;
  /** Everything printed on stderr so far (the JSON log lines). */
  stderr(): string;
  /** Everything printed on stderr so far (the logs). */
  stderr(): string;
  /** Resolves with stdout once it matches, or rejects with what was printed. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL, as a crash would end it; resolves once it is gone. */
  kill(): Promise<void>;
}

export function startCli(args: string[], env: Record<string, string>): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    stdout: () => stdout,
    stderr: () => stderr,
    async waitFor(pattern, timeoutMs = FIRST_CALL_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(stdout)) {
        if (child.exitCode !== null || Date.now() > deadline) {
          throw new Error(`no ${pattern} in output.\nstdout:\n${stdout}\nstderr:\n${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return stdout;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

/** Single-quoted for sh: the command line `script` hands to the shell. */
function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The command line on a pseudo-terminal (`script` of util-linux): stdout and stderr are the same
 * terminal, so `output` holds both, with the terminal's control sequences and CR LF line ends.
 */
export function runCliInTerminal(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const command = [process.execPath, BIN, ...args].map(shellQuote).join(' ');
  return new Promise((resolve) => {
    execFile(
      'script',
      ['--quiet', '--flush', '--return', '--command', command, '/dev/null'],
      { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, timeout: FIRST_CALL_TIMEOUT_MS },
      (error, stdout) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : null;
        resolve({ code, output: stdout.replace(BUILDING_LINE, '') });
      },
    );
  });
}
