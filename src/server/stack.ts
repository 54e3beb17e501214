import type { DataSource } from 'typeorm';
import { cancelRunningStatements } from '../db/cancel-statements';
import type { ReadRouting } from '../db/read-routing';
import type {
  DeadlineSettings,
  ExposureSettings,
  Piece,
  QueryLimits,
  RateLimitSettings,
  RequestSettings,
  SubgraphName,
} from '../config';
import { SUBGRAPH_NAMES } from '../config';
import type { TokenVerifier } from '../auth/jwt';
import { startGateway } from '../gateway/gateway-server';
import type { GatewayOptions } from '../gateway/gateway-server';
import { buildSubgraph } from '../graphql/build-subgraph-schema';
import { mountUsageCsvProxy } from '../gateway/usage-csv-proxy';
import { SUBGRAPH_MODULES } from '../schema/subgraph-modules';
import { createRateLimits } from '../gateway/rate-limits';
import type { OperationCost } from '../gateway/rate-limits';
import type { Logger } from '../logger';
import type { RunningServer } from '../http/http-server';
import { createRequestContext } from '../graphql/request-context';
import type { GatewayContext } from '../gateway/authenticated-data-source';
import type { GraphQLDataSource } from '@apollo/gateway';
import { InProcessSubgraph, sharedRequestContext } from './in-process-subgraph';
import type { MetricsAccess } from '../http/observe';
import { startSubgraphServer } from './subgraph-server';

export { PIECES } from '../config';
export type { Piece } from '../config';

export interface StackOptions {
  pieces: readonly Piece[];
  /** Needed by the subgraphs; the gateway alone never touches the database. */
  ds: DataSource | null;
  /** Where the subgraphs' read-only requests go (a read replica); null or absent: the primary. */
  reads?: ReadRouting | null;
  verify: TokenVerifier;
  host: string;
  ports: Record<Piece, number>;
  /** Where the gateway finds subgraphs this process does not run. */
  subgraphUrls: Record<SubgraphName, string>;
  supergraphSdl: string;
  limits: QueryLimits;
  /** What the subgraphs' resolvers are configured by (Config.alerts, Config.reports). */
  settings: RequestSettings;
  logger: Logger;
  mountOnGateway?: GatewayOptions['mount'];
  exposure: ExposureSettings;
  /** The secret the gateway sends and the subgraphs require (same in every process). */
  gatewaySecret: string;
  /** keyPrefix: where in Redis the budgets are kept (tests keep theirs apart). */
  rateLimits: RateLimitSettings & { keyPrefix?: string };
  operationCost?: OperationCost;
  /** SUBGRAPH_TIMEOUT_SECONDS and the others (the database's are the data source's). */
  deadlines: DeadlineSettings;
  /** SUBGRAPHS_IN_PROCESS: the gateway calls the subgraphs of this process without HTTP. */
  subgraphsInProcess?: boolean;
  /** METRICS_ENABLED, METRICS_TOKEN (default: /metrics on, for loopback callers). */
  telemetry?: MetricsAccess;
}

export interface RunningStack {
  servers: Partial<Record<Piece, RunningServer>>;
  /**
   * Gateway first, then the subgraphs, all within drainMs (default 0) together: at the end, the
   * statements still running are cancelled, then the connections cut (README, Operations: drain).
   */
  stop(drainMs?: number): Promise<void>;
}

/**
 * Starts the named pieces: every subgraph first (so that the gateway is handed the addresses
 * they really listen on — port 0 in tests), then the gateway, which forwards GET
 * /reports/usage.csv to the usage subgraph besides whatever `mountOnGateway` adds.
 */
export async function startStack(options: StackOptions): Promise<RunningStack> {
  const servers: Partial<Record<Piece, RunningServer>> = {};
  const stop = async (drainMs = 0) => {
    const deadline = Date.now() + drainMs;
    const { ds } = options;
    // The gateway first: it stops taking requests before the subgraphs it asks, which go on
    // answering its requests under way. At the deadline it has the statements of this process's
    // subgraphs cancelled, so that its requests answer their error rather than being cut.
    await servers.gateway?.stop(drainMs, ds ? [() => cancelRunningStatements(ds)] : []);
    await Promise.all(
      SUBGRAPH_NAMES.map((name) => servers[name]?.stop(Math.max(0, deadline - Date.now()))),
    );
  };
  try {
    const urls = { ...options.subgraphUrls };
    const inProcess: Partial<Record<SubgraphName, GraphQLDataSource<GatewayContext>>> = {};
    const sharedContext =
      options.ds && options.subgraphsInProcess && options.pieces.includes('gateway')
        ? sharedRequestContext(
            createRequestContext(options.ds, options.verify, options.settings, options.reads),
          )
        : null;
    for (const name of SUBGRAPH_NAMES) {
      if (!options.pieces.includes(name)) continue;
      const module = SUBGRAPH_MODULES[name];
      if (!module) throw new Error(`The ${name} subgraph is not part of this build`);
      if (!options.ds) throw new Error(`The ${name} subgraph needs a database`);
      const subgraph = await buildSubgraph(module);
      if (sharedContext) {
        inProcess[name] = new InProcessSubgraph(
          name,
          subgraph.schema,
          sharedContext,
          options.logger,
        );
      }
      servers[name] = await startSubgraphServer({
        subgraph,
        ds: options.ds,
        reads: options.reads,
        verify: options.verify,
        settings: options.settings,
        host: options.host,
        port: options.ports[name],
        logger: options.logger,
        gatewaySecret: options.gatewaySecret,
        maxRequestBytes: options.exposure.subgraphMaxRequestBytes,
        hideSchemaDetails: options.exposure.production,
        limits: options.limits,
        telemetry: options.telemetry,
      });
      urls[name] = servers[name]!.url;
    }
    if (options.pieces.includes('gateway')) {
      const { exposure, gatewaySecret } = options;
      const rateLimits = createRateLimits(
        options.rateLimits,
        options.logger,
        options.rateLimits.keyPrefix,
      );
      await rateLimits.ready();
      servers.gateway = await startGateway({
        supergraphSdl: options.supergraphSdl,
        limits: options.limits,
        subgraphUrls: urls,
        verify: options.verify,
        host: options.host,
        port: options.ports.gateway,
        logger: options.logger,
        exposure: {
          introspection: !exposure.production || exposure.playground,
          hideSchemaDetails: exposure.production,
          maxRequestBytes: exposure.maxRequestBytes,
          trustProxyHops: exposure.trustProxyHops,
        },
        gatewaySecret,
        rateLimits,
        operationCost: options.operationCost,
        subgraphTimeoutSeconds: options.deadlines.subgraphTimeoutSeconds,
        inProcess,
        telemetry: options.telemetry,
        mount: (app) => {
          mountUsageCsvProxy(app, {
            usageUrl: urls.usage,
            verify: options.verify,
            logger: options.logger,
            gatewaySecret,
            rateLimits,
          });
          options.mountOnGateway?.(app);
        },
      });
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { servers, stop };
}
