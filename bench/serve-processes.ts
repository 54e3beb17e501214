import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PIECES } from '../src/config';
import type { Piece } from '../src/config';

// The graph as a real deployment runs it: `licensegraph serve --only PIECE`, one process per
// piece, each watched for its peak resident set size (Linux VmHWM) and for whether it is alive.

export interface ServedGraph {
  gatewayUrl: string;
  /** Highest VmHWM seen per process, in MB (the kernel's own high-water mark). */
  peakRssMb(): Record<Piece, number>;
  /** Pieces whose process has exited. */
  dead(): Piece[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function highWaterMarkMb(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string) {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`a piece exited at start: ${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not become ready: ${output()}`);
}

/**
 * Starts every piece as its own `serve --only` process over `databaseUrl`, subgraphs first; or,
 * `together`, all of them in one `serve` process (issue 14: SUBGRAPHS_IN_PROCESS).
 */
export async function serveGraph(
  databaseUrl: string,
  env: Record<string, string>,
  together = false,
): Promise<ServedGraph> {
  const ports = {} as Record<Piece, number>;
  for (const piece of PIECES) ports[piece] = await freePort();
  const common: Record<string, string> = {
    ...env,
    DATABASE_URL: databaseUrl,
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PORT: String(ports.gateway),
    // Pieces run apart need the secret the gateway shows the subgraphs.
    SUBGRAPH_SECRET: `bench-subgraph-secret-${process.pid}-of-at-least-32-bytes`,
  };
  for (const piece of PIECES) {
    if (piece === 'gateway') continue;
    common[`${piece.toUpperCase()}_PORT`] = String(ports[piece]);
    common[`${piece.toUpperCase()}_URL`] = `http://127.0.0.1:${ports[piece]}/graphql`;
  }
  // The build `npm run bench` just made (dist/bench → dist/src/main.js), not bin/licensegraph.js,
  // which would rebuild dist/ in each process when a source changed meanwhile.
  const main = path.resolve(__dirname, '..', 'src', 'main.js');
  const children = {} as Record<Piece, ChildProcess>;
  const peaks = Object.fromEntries(PIECES.map((p) => [p, 0])) as Record<Piece, number>;
  const poll = setInterval(() => {
    for (const piece of PIECES) {
      const child = children[piece];
      if (child) peaks[piece] = Math.max(peaks[piece], highWaterMarkMb(child.pid));
    }
  }, 50);
  const order: Piece[] = together
    ? ['gateway']
    : [...PIECES.filter((p) => p !== 'gateway'), 'gateway'];
  for (const piece of order) {
    const only = together ? [] : ['--only', piece];
    const child = spawn(process.execPath, [main, 'serve', ...only], {
      env: { ...process.env, ...common },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    children[piece] = child;
    await waitUntilReady(`http://127.0.0.1:${ports[piece]}/health/ready`, child, () => output);
  }
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    peakRssMb: () => ({ ...peaks }),
    dead: () => order.filter((p) => children[p].exitCode !== null),
    async stop() {
      clearInterval(poll);
      await Promise.all(
        order.map(
          (piece) =>
            new Promise<void>((resolve) => {
              const child = children[piece];
              if (child.exitCode !== null) return resolve();
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}
