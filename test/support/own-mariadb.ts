import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { freePorts } from './free-ports';

// A MariaDB server of a test's own, on a free port of 127.0.0.1, that the test may kill, freeze
// and start again (fault tests: issue 13 §5). Made with the machine's mariadb-install-db and
// mariadbd (Debian's mariadb-server), without grant tables, in a temporary directory removed by
// `remove`. --no-defaults keeps the machine's my.cnf out of it.

const run = promisify(execFile);

export interface OwnMariadb {
  /** mysql://root@127.0.0.1:<port>/<database> */
  url: string;
  /** SIGKILL: the server is gone at once, its connections reset. */
  kill(): Promise<void>;
  /** SIGSTOP / SIGCONT: the server holds its connections and answers nothing. */
  freeze(): void;
  thaw(): void;
  /** Starts the server again on the same files and port; resolves once it answers. */
  start(): Promise<void>;
  remove(): Promise<void>;
}

async function answers(port: number, deadline: number): Promise<void> {
  for (;;) {
    try {
      const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
      await connection.end();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

export async function startOwnMariadb(database: string): Promise<OwnMariadb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-own-mariadb-'));
  const dataDir = path.join(dir, 'data');
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${dataDir}`,
    '--user=root',
    '--skip-test-db',
    '--auth-root-authentication-method=normal',
  ]);
  const [port] = await freePorts(1);
  let server: ChildProcess | null = null;
  const start = async () => {
    server = spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${dataDir}`,
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${path.join(dir, 'sock')}`,
        `--pid-file=${path.join(dir, 'pid')}`,
        '--user=root',
        '--skip-grant-tables',
        '--skip-log-bin',
        '--innodb-buffer-pool-size=32M',
      ],
      { stdio: 'ignore' },
    );
    await answers(port, Date.now() + 60_000);
  };
  const kill = async () => {
    const current = server;
    server = null;
    if (!current || current.exitCode !== null) return;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill('SIGCONT');
    current.kill('SIGKILL');
    await exited;
  };
  await start();
  const admin = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
  await admin.query(
    `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await admin.end();
  return {
    url: `mysql://root@127.0.0.1:${port}/${database}`,
    kill,
    freeze: () => server?.kill('SIGSTOP'),
    thaw: () => server?.kill('SIGCONT'),
    start,
    async remove() {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
