import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// An HAProxy of a test's own (the Debian package; .ci/run installs it): one frontend per piece on
// its own loopback port, each balancing over that piece's instances, which it health-checks on
// /health/ready. A request that could not reach an instance (connection refused: a killed one
// not yet marked down) is sent to another (retry-on conn-failure, redispatch); a request an
// instance had already taken is never sent twice (a mutation might have run). The admin socket
// tells the test each instance's state.

export interface Backend {
  /** Frontend (and backend) name: gateway, organizations ... */
  name: string;
  /** The port HAProxy listens on for this piece. */
  port: number;
  /** The instances' ports on 127.0.0.1. */
  servers: number[];
}

export interface ServerState {
  backend: string;
  /** name-1, name-2 ... in the order of Backend.servers. */
  server: string;
  /** UP, DOWN, MAINT, or UP 1/2 and DOWN 1/2 while a health check is changing its mind. */
  status: string;
  /** Requests (sessions) this instance has been given so far. */
  total: number;
  /** Requests it is answering right now. */
  current: number;
}

export interface RunningHaproxy {
  states(): Promise<ServerState[]>;
  /** The admin socket's `show errors`: the last invalid answers HAProxy got, for diagnosis. */
  errors(): Promise<string>;
  /** Waits until the named server's status is exactly `status`. */
  waitFor(
    backend: string,
    server: string,
    status: 'UP' | 'DOWN',
    timeoutMs?: number,
  ): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Health checks every second, every 250 ms once one failed: three failures take an instance out,
 * two successes back in. A check may take 3 s: on a busy machine a slow answer is no dead
 * instance, and taking the survivor out too would fail every request ("no server is available").
 */
export function haproxyConfig(backends: Backend[], adminSocket: string): string {
  const lines = [
    'global',
    '  maxconn 4096',
    `  stats socket ${adminSocket} mode 600 level admin`,
    '  log stdout format raw local0 info',
    'defaults',
    '  mode http',
    '  log global',
    '  option httplog',
    '  option dontlog-normal',
    '  option forwardfor',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-keep-alive 10s',
    '  timeout check 3s',
    '  retries 3',
    '  option redispatch 1',
    '  retry-on conn-failure',
    // A request is never sent on an idle server connection kept from an earlier one: that instance
    // may have died since, and HAProxy then closes the client's connection without an answer.
    '  http-reuse never',
    '  option httpchk',
    '  http-check send meth GET uri /health/ready',
    '  http-check expect status 200',
    '  default-server inter 1s fastinter 250ms downinter 1s fall 3 rise 2',
  ];
  for (const backend of backends) {
    lines.push(
      `frontend ${backend.name}`,
      `  bind 127.0.0.1:${backend.port}`,
      `  default_backend ${backend.name}`,
      `backend ${backend.name}`,
      '  balance roundrobin',
      ...backend.servers.map(
        (port, i) => `  server ${backend.name}-${i + 1} 127.0.0.1:${port} check`,
      ),
    );
  }
  return `${lines.join('\n')}\n`;
}

export function haproxyBinary(): string {
  for (const folder of [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin']) {
    const file = path.join(folder, 'haproxy');
    if (folder && fs.existsSync(file)) return file;
  }
  throw new Error(
    'This test runs HAProxy and needs the haproxy binary: `apt-get install -y haproxy` ' +
      '(.ci/run installs it when it is missing).',
  );
}

function adminCommand(socket: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = '';
    const connection = net.createConnection(socket, () => connection.end(`${command}\n`));
    connection.on('data', (chunk: Buffer) => (answer += chunk.toString('utf8')));
    connection.on('end', () => resolve(answer));
    connection.on('error', reject);
  });
}

export async function startHaproxy(backends: Backend[]): Promise<RunningHaproxy> {
  const binary = haproxyBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lg-haproxy-'));
  const socket = path.join(dir, 'admin.sock');
  const configFile = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(configFile, haproxyConfig(backends, socket));
  let output = '';
  // -db: stay in the foreground, so that the test owns the process.
  const child: ChildProcess = spawn(binary, ['-db', '-f', configFile], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const states = async (): Promise<ServerState[]> => {
    const [header, ...rows] = (await adminCommand(socket, 'show stat')).trim().split('\n');
    const columns = header.replace(/^# /, '').split(',');
    const at = (name: string) => columns.indexOf(name);
    return rows
      .map((row) => row.split(','))
      .filter((cells) => !['FRONTEND', 'BACKEND'].includes(cells[at('svname')]))
      .map((cells) => ({
        backend: cells[at('pxname')],
        server: cells[at('svname')],
        status: cells[at('status')],
        total: Number(cells[at('stot')]),
        current: Number(cells[at('scur')]),
      }));
  };

  const started = Date.now();
  while (!fs.existsSync(socket)) {
    if (child.exitCode !== null || Date.now() - started > 10_000) {
      throw new Error(`HAProxy did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    states,
    errors: async () => `${await adminCommand(socket, 'show errors')}\n${output}`,
    async waitFor(backend, server, status, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const state = (await states()).find((s) => s.backend === backend && s.server === server);
        if (state?.status === status) return;
        if (Date.now() > deadline) {
          throw new Error(`${backend}/${server} is ${state?.status ?? 'unknown'}, not ${status}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
