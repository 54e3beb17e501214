import type { DataSource } from 'typeorm';
import type { ReadRouting } from '../db/read-routing';
import { ConfigError, PIECES } from '../config';
import type { Config } from '../config';
import { createTokenVerifier } from '../auth/jwt';
import { resolveJwtSecret } from '../auth/secret';
import { mountDashboard } from '../gateway/dashboard';
import { mountPlayground } from '../gateway/playground';
import { loadContractExamples } from './playground/examples';
import { readSupergraph } from '../schema/schema-files';
import { generatedGatewaySecret } from '../http/gateway-secret';
import { startStack } from '../server/stack';
import { startTracing } from '../telemetry/tracing';
import type { Piece } from '../server/stack';
import type { CliSession } from './session';
import { stopRequested } from './session';
import { startEmbeddedWorker } from './worker';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/**
 * SUBGRAPH_SECRET, or one made up now when this process runs the gateway and every subgraph (no
 * other process needs to know it). Pieces in separate processes must share a configured one.
 */
function gatewaySecret(config: Config, pieces: readonly Piece[]): string {
  if (config.exposure.subgraphSecret !== null) return config.exposure.subgraphSecret;
  if (PIECES.every((piece) => pieces.includes(piece))) return generatedGatewaySecret();
  throw new ConfigError(
    'SUBGRAPH_SECRET',
    'must be set, the same in every process, when the gateway and the subgraphs run apart',
  );
}

/**
 * Runs the named pieces of the graph on the configured ports until the process is asked to stop,
 * then closes them. The gateway carries the playground; it is handed the demo token only when it
 * listens on loopback, so that the token never reaches another machine's browser.
 */
export async function runGraph(
  session: CliSession,
  ds: DataSource | null,
  pieces: readonly Piece[],
  options: {
    demoToken?: string | null;
    reads?: ReadRouting | null;
    reportWorker?: boolean;
  } = {},
): Promise<number> {
  const { config } = session;
  const secret = await resolveJwtSecret(config.jwt, config.dataDir);
  const verify = createTokenVerifier({ ...config.jwt, secret });
  const demoToken = LOOPBACK.has(config.host) ? (options.demoToken ?? null) : null;
  const secretForSubgraphs = gatewaySecret(config, pieces);
  const tracing = startTracing(config.telemetry.otlpEndpoint);
  const stack = await startStack({
    pieces,
    ds,
    reads: options.reads,
    verify,
    host: config.host,
    ports: { gateway: config.port, ...config.subgraphPorts },
    subgraphUrls: config.subgraphUrls,
    supergraphSdl: pieces.includes('gateway') ? readSupergraph() : '',
    limits: config.limits,
    settings: {
      alerts: config.alerts,
      reports: config.reports,
      series: config.series,
      reportMail: config.reportMail,
    },
    logger: session.logger,
    exposure: config.exposure,
    gatewaySecret: secretForSubgraphs,
    rateLimits: config.rateLimits,
    deadlines: config.deadlines,
    subgraphsInProcess: config.subgraphsInProcess,
    telemetry: config.telemetry,
    mountOnGateway: (app) => {
      if (config.exposure.playground) {
        mountPlayground(app, { examples: loadContractExamples(), demoToken });
      }
      if (config.exposure.dashboard) mountDashboard(app, { demoToken });
    },
  });
  if (pieces.includes('gateway')) {
    session.print(
      config.rateLimits.redisUrl
        ? 'Rate limits: kept in Redis (REDIS_URL), shared by every gateway.'
        : 'Rate limits: kept in this process (set REDIS_URL to share them between gateways).',
    );
  }
  for (const piece of pieces) {
    const url = stack.servers[piece]?.url;
    const note =
      piece === 'gateway' && config.exposure.playground
        ? ' (open it in a browser for the playground)'
        : '';
    const dashboard =
      piece === 'gateway' && config.exposure.dashboard
        ? `\n${''.padEnd(13)} ${url?.replace(/\/graphql$/, '/app')} (the license usage dashboard)`
        : '';
    session.print(`${piece.padEnd(13)} ${url}${note}${dashboard}`);
  }
  // `start` runs the scheduled reports' worker too; `serve` leaves it to `licensegraph worker`.
  const worker = options.reportWorker && ds ? await startEmbeddedWorker(session, ds) : null;
  session.print('Running. Press Ctrl-C to stop.');
  const signal = await stopRequested();
  session.print(`${signal}: stopping...`);
  await worker?.stop();
  // Readiness says 503 and new connections are refused at once; requests under way finish (up to
  // DRAIN_SECONDS each, the gateway first, then the subgraphs it was waiting on); then the
  // database pool closes (withDatabase).
  await stack.stop(config.deadlines.drainSeconds * 1000);
  await tracing.shutdown();
  return 0;
}
