import { ApolloGateway } from '@apollo/gateway';
import type { GraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Express } from 'express';
import type { QueryLimits, SubgraphName } from '../config';
import { observeRequests, requestScopePlugin, withRequestId } from '../http/observe';
import type { MetricsAccess } from '../http/observe';
import { mountJsonErrors } from '../http/json-errors';
import { AuthenticationError } from '../auth/errors';
import { bearerToken } from '../auth/jwt';
import type { TokenVerifier } from '../auth/jwt';
import { unauthenticated } from '../graphql/errors';
import type { Logger } from '../logger';
import { mountHealth } from '../http/health';
import { closeWhileDraining, listen, newLifecycle } from '../http/http-server';
import type { RunningServer } from '../http/http-server';
import { subgraphsProbe } from '../http/readiness';
import { AuthenticatedDataSource } from './authenticated-data-source';
import type { GatewayContext } from './authenticated-data-source';
import { formatGatewayError } from './gateway-errors';
import { errorStatusPlugin } from './error-status';
import { knownUserCheck } from './known-user';
import type { KnownUserCheck } from './known-user';
import { costLimitPlugin, queryLimitRules, responseSizeLimit } from './limits';
import { addressRateLimit, viewerRateLimitPlugin } from './rate-limits';
import type { OperationCost, RateLimits } from './rate-limits';
import { requestErrorsPlugin } from './request-errors';
import { documentCharacterLimit, documentParseOptions } from '../graphql/document-limits';

export interface GatewayOptions {
  supergraphSdl: string;
  limits: QueryLimits;
  subgraphUrls: Record<SubgraphName, string>;
  verify: TokenVerifier;
  host: string;
  port: number;
  logger: Logger;
  /** Extra routes (playground, exports) mounted before /graphql. */
  mount?: (app: Express) => void;
  /** What the gateway shows and reads (README, Security). */
  exposure: GatewayExposure;
  /** Sent to every subgraph, which refuse requests without it. */
  gatewaySecret: string;
  rateLimits: RateLimits;
  /** What an operation costs against the viewer's rate limit (default 1). */
  operationCost?: OperationCost;
  /** SUBGRAPH_TIMEOUT_SECONDS: the longest wait for one subgraph fetch. */
  subgraphTimeoutSeconds: number;
  /** Subgraphs this process runs and calls without HTTP (SUBGRAPHS_IN_PROCESS); others by URL. */
  inProcess?: Partial<Record<SubgraphName, GraphQLDataSource<GatewayContext>>>;
  /** Who may read /metrics (default: on, loopback callers only). */
  telemetry?: MetricsAccess;
}

export interface GatewayExposure {
  /** Introspection answers (the playground needs it); off in production by default. */
  introspection: boolean;
  /** No "Did you mean" field suggestions in errors (production). */
  hideSchemaDetails: boolean;
  maxRequestBytes: number;
  /** Proxies in front whose X-Forwarded-For names the client (express "trust proxy"). */
  trustProxyHops: number;
}

/**
 * Checks the token before any planning: a request without a valid one costs no subgraph call.
 * (Exported for the test that runs the supergraph on a second runtime with the same check.)
 */
export async function gatewayContext(
  authorization: string | undefined,
  verify: TokenVerifier,
  knownUser: KnownUserCheck,
): Promise<GatewayContext> {
  const token = bearerToken(authorization);
  if (!token) throw unauthenticated();
  let userId: string;
  try {
    ({ userId } = await verify(token));
  } catch (error) {
    if (error instanceof AuthenticationError) throw unauthenticated(error.message);
    throw error;
  }
  if (!(await knownUser(userId, authorization!))) {
    throw unauthenticated('The token names no known user');
  }
  return { authorization, userId };
}

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { logger } = options;
  const shutdown = new AbortController();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) =>
      options.inProcess?.[name as SubgraphName] ??
      new AuthenticatedDataSource(
        name as SubgraphName,
        options.subgraphUrls[name as SubgraphName],
        options.gatewaySecret,
        options.subgraphTimeoutSeconds,
        shutdown.signal,
      ),
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: options.exposure.introspection,
    hideSchemaDetailsFromClientErrors: options.exposure.hideSchemaDetails,
    // The command line stops the servers itself (src/cli/run-graph.ts) and exits cleanly.
    stopOnTerminationSignals: false,
    validationRules: queryLimitRules(options.limits),
    parseOptions: documentParseOptions(options.limits),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // First: a request error is told as such before the limits read the variables.
      requestErrorsPlugin(),
      costLimitPlugin(options.limits.maxCost),
      viewerRateLimitPlugin(options.rateLimits, options.operationCost),
      errorStatusPlugin(),
      requestScopePlugin(),
    ],
    formatError(formatted, error) {
      const shown = formatGatewayError(formatted);
      if (
        shown.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
        shown.extensions?.code === 'SUBGRAPH_UNAVAILABLE'
      ) {
        logger.warn({ err: error }, 'gateway error');
      }
      return withRequestId(shown);
    },
  });
  await apollo.start();
  const knownUser = knownUserCheck(options.subgraphUrls.organizations, options.gatewaySecret);
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.exposure.trustProxyHops);
  observeRequests(app, 'gateway', options.telemetry, logger);
  const lifecycle = newLifecycle();
  closeWhileDraining(app, lifecycle);
  mountHealth(app, subgraphsProbe(Object.values(options.subgraphUrls)), lifecycle);
  app.use(addressRateLimit(options.rateLimits));
  options.mount?.(app);
  app.use(
    '/graphql',
    express.json({ limit: options.exposure.maxRequestBytes }),
    documentCharacterLimit(options.limits),
    responseSizeLimit(options.limits.maxResponseBytes),
    expressMiddleware(apollo, {
      context: ({ req }) => gatewayContext(req.headers.authorization, options.verify, knownUser),
    }),
  );
  mountJsonErrors(app, logger);
  const { running } = await listen(app, options.host, options.port, '/graphql', lifecycle);
  logger.info({ url: running.url }, 'gateway listening');
  return {
    ...running,
    async stop(drainMs, cancels = []) {
      // Last resort at the deadline: subgraph fetches still waiting fail (SUBGRAPH_UNAVAILABLE),
      // so that their requests answer rather than being cut.
      await running.stop(drainMs, [...cancels, () => shutdown.abort()]);
      await apollo.stop();
      await options.rateLimits.close();
    },
  };
}
