import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Express } from 'express';
import type { QueryLimits, SubgraphName } from '../config';
import { AuthenticationError } from '../auth/errors';
import { bearerToken } from '../auth/jwt';
import type { TokenVerifier } from '../auth/jwt';
import { unauthenticated } from '../graphql/errors';
import type { Logger } from '../logger';
import { mountHealth } from '../server/health';
import { listen } from '../server/http-server';
import type { RunningServer } from '../server/http-server';
import { AuthenticatedDataSource } from './authenticated-data-source';
import type { GatewayContext } from './authenticated-data-source';
import { formatGatewayError } from './gateway-errors';
import { costLimitPlugin, queryLimitRules } from './limits';

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
}

/** Checks the token before any planning: a request without a valid one costs no subgraph call. */
async function gatewayContext(
  authorization: string | undefined,
  verify: TokenVerifier,
): Promise<GatewayContext> {
  const token = bearerToken(authorization);
  if (!token) throw unauthenticated();
  try {
    await verify(token);
  } catch (error) {
    if (error instanceof AuthenticationError) throw unauthenticated(error.message);
    throw error;
  }
  return { authorization };
}

export async function startGateway(options: GatewayOptions): Promise<RunningServer> {
  const { logger } = options;
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) =>
      new AuthenticatedDataSource(name as SubgraphName, options.subgraphUrls[name as SubgraphName]),
    logger,
  });
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: true,
    // The command line stops the servers itself (src/cli/run-graph.ts) and exits cleanly.
    stopOnTerminationSignals: false,
    validationRules: queryLimitRules(options.limits),
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginLandingPageDisabled(), costLimitPlugin(options.limits.maxCost)],
    formatError(formatted, error) {
      const shown = formatGatewayError(formatted);
      if (
        shown.extensions?.code === 'INTERNAL_SERVER_ERROR' ||
        shown.extensions?.code === 'SUBGRAPH_UNAVAILABLE'
      ) {
        logger.warn({ err: error }, 'gateway error');
      }
      return shown;
    },
  });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  mountHealth(app, null);
  options.mount?.(app);
  app.use(
    '/graphql',
    express.json({ limit: '5mb' }),
    expressMiddleware(apollo, {
      context: ({ req }) => gatewayContext(req.headers.authorization, options.verify),
    }),
  );
  const { running } = await listen(app, options.host, options.port);
  logger.info({ url: running.url }, 'gateway listening');
  return {
    ...running,
    async stop() {
      await running.stop();
      await apollo.stop();
    },
  };
}
