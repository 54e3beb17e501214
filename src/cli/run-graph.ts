import type { DataSource } from 'typeorm';
import { createTokenVerifier } from '../auth/jwt';
import { resolveJwtSecret } from '../auth/secret';
import { loadContractExamples, mountPlayground } from '../gateway/playground';
import { readSupergraph } from '../gateway/schema-files';
import { startStack } from '../server/stack';
import type { Piece } from '../server/stack';
import type { CliSession } from './session';

/** Resolves when the process is asked to stop (Ctrl-C, `docker stop`, a supervisor). */
function stopRequested(): Promise<NodeJS.Signals> {
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

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * Runs the named pieces of the graph on the configured ports until the process is asked to stop,
 * then closes them. The gateway carries the playground; it is handed the demo token only when it
 * listens on loopback, so that the token never reaches another machine's browser.
 */
export async function runGraph(
  session: CliSession,
  ds: DataSource | null,
  pieces: readonly Piece[],
  options: { demoToken?: string | null } = {},
): Promise<number> {
  const { config } = session;
  const secret = await resolveJwtSecret(config.jwt, config.dataDir);
  const verify = createTokenVerifier({ ...config.jwt, secret });
  const demoToken = LOOPBACK.has(config.host) ? (options.demoToken ?? null) : null;
  const stack = await startStack({
    pieces,
    ds,
    verify,
    host: config.host,
    ports: { gateway: config.port, ...config.subgraphPorts },
    subgraphUrls: config.subgraphUrls,
    supergraphSdl: pieces.includes('gateway') ? readSupergraph() : '',
    limits: config.limits,
    logger: session.logger,
    mountOnGateway: (app) => mountPlayground(app, { examples: loadContractExamples(), demoToken }),
  });
  for (const piece of pieces) {
    const url = stack.servers[piece]?.url;
    const note = piece === 'gateway' ? ' (open it in a browser for the playground)' : '';
    session.print(`${piece.padEnd(13)} ${url}${note}`);
  }
  session.print('Running. Press Ctrl-C to stop.');
  const signal = await stopRequested();
  session.print(`${signal}: stopping...`);
  await stack.stop();
  return 0;
}
