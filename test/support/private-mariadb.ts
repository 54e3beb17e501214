import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { freePorts } from './free-ports';

// A MariaDB server of a test's own, for the tests that make the database go away: its data in a
// temporary folder (mariadb-install-db), mariadbd on a free port of 127.0.0.1. stop() kills the
// server the way a crash would (SIGKILL); freeze() makes it hold its connections and answer
// nothing (SIGSTOP); start() brings it back on the same data and port, and InnoDB recovers what
// was committed. Needs the MariaDB server binaries on this machine (the
// MariaDB the MySQL test run uses, or the one .ci/run starts); TEST_MYSQL_URL's server is not used.

const run = promisify(execFile);
const READY_WAIT_MS = 60_000;

function findBinary(name: string): string {
  const folders = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin'];
  for (const folder of folders) {
    const file = path.join(folder, name);
    if (folder && fs.existsSync(file)) return file;
  }
  throw new Error(
    `This test starts a MariaDB server of its own and needs ${name} (the MariaDB server package).`,
  );
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PrivateMariadb {
  /** mysql://root@127.0.0.1:PORT/ (no database). */
  serverUrl: string;
  /** Starts the server (again) and waits until it answers. */
  start(): Promise<void>;
  /** Kills the server at once, as a crash would, and waits until it is gone. */
  stop(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server keeps its connections open and answers nothing until thawed. */
  freeze(): void;
  thaw(): void;
  /** Stops the server and removes its data. */
  remove(): Promise<void>;
}

export interface PrivateMariadbOptions {
  /** More mariadbd options: a replication primary's --log-bin and --server-id, say. */
  serverArgs?: string[];
}

export async function createPrivateMariadb(
  options: PrivateMariadbOptions = {},
): Promise<PrivateMariadb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-mariadb-'));
  const dataDir = path.join(dir, 'data');
  const [port] = await freePorts(1);
  const asRoot = process.getuid?.() === 0 ? ['--user=root'] : [];
  await run(findBinary('mariadb-install-db'), [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
    ...asRoot,
  ]);
  const serverUrl = `mysql://root@127.0.0.1:${port}/`;
  let server: ChildProcess | null = null;

  const answers = async () => {
    try {
      const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
      await connection.end();
      return true;
    } catch {
      return false;
    }
  };

  const stop = async () => {
    const running = server;
    server = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGCONT');
    running.kill('SIGKILL');
    await exited;
  };

  return {
    serverUrl,
    async start() {
      const log = fs.openSync(path.join(dir, 'server.log'), 'a');
      server = spawn(
        findBinary('mariadbd'),
        [
          '--no-defaults',
          `--datadir=${dataDir}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          `--socket=${path.join(dir, 'mariadb.sock')}`,
          `--pid-file=${path.join(dir, 'mariadb.pid')}`,
          '--skip-grant-tables',
          '--skip-name-resolve',
          '--innodb-buffer-pool-size=64M',
          ...(options.serverArgs ?? []),
          ...asRoot,
        ],
        { stdio: ['ignore', log, log] },
      );
      fs.closeSync(log);
      const started = Date.now();
      while (!(await answers())) {
        if (server.exitCode !== null || Date.now() - started > READY_WAIT_MS) {
          const tail = fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000);
          await stop();
          throw new Error(`the test's own MariaDB did not start:\n${tail}`);
        }
        await pause(200);
      }
    },
    stop,
    freeze: () => server?.kill('SIGSTOP'),
    thaw: () => server?.kill('SIGCONT'),
    async remove() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
