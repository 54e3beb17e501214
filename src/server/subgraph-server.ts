import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { DataSource } from 'typeorm';
import { cancelRunningStatements } from '../db/cancel-statements';
import type { ReadRouting } from '../db/read-routing';
import type { TokenVerifier } from '../auth/jwt';
import type { RequestSettings } from '../config';
import {
  documentCharacterLimit,
  documentLimitRules,
  documentParseOptions,
} from '../graphql/document-limits';
import type { DocumentLimits } from '../graphql/document-limits';
import type { BuiltSubgraph } from '../graphql/build-subgraph-schema';
import type { RequestContext } from '../graphql/context';
import { maskSubgraphError } from '../graphql/errors';
import { isReadOnlyRequest } from '../graphql/read-only-request';
import { createRequestContext } from '../graphql/request-context';
import type { Logger } from '../logger';
import { requireGatewaySecret } from '../http/gateway-secret';
import { mountHealth } from '../http/health';
import { observeRequests, requestScopePlugin, withRequestId } from '../http/observe';
import type { MetricsAccess } from '../http/observe';
import { mountJsonErrors } from '../http/json-errors';
import { closeWhileDraining, listen, newLifecycle } from '../http/http-server';
import type { RunningServer } from '../http/http-server';
import { databaseProbe } from '../http/readiness';

export interface SubgraphServerOptions {
  subgraph: BuiltSubgraph;
  /** The primary: writes, mutations, readiness. */
  ds: DataSource;
  /** A read replica and where reads go now; null: every read on the primary. */
  reads?: ReadRouting | null;
  verify: TokenVerifier;
  settings: RequestSettings;
  host: string;
  port: number;
  logger: Logger;
  /** Only requests carrying it are answered (GATEWAY_SECRET_HEADER); /health/* is open. */
  gatewaySecret: string;
  maxRequestBytes: number;
  /** No "Did you mean" field suggestions in errors (production). */
  hideSchemaDetails: boolean;
  /** The same document limits as the gateway's, for a caller that is not the gateway. */
  limits: DocumentLimits;
  /** Who may read /metrics (default: on, loopback callers only). */
  telemetry?: MetricsAccess;
}

/** One subgraph on its own port: POST /graphql for the gateway, plus /health/*. */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningServer> {
  const { subgraph, logger } = options;
  const apollo = new ApolloServer<RequestContext>({
    schema: subgraph.schema,
    introspection: false,
    // The command line stops the servers itself (src/cli/run-graph.ts) and exits cleanly.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: options.hideSchemaDetails,
    validationRules: documentLimitRules(options.limits),
    parseOptions: documentParseOptions(options.limits),
    // Traces are only for Apollo Studio, which this deployment does not report to. No field has a
    // cache hint, and the cache-control plugin would otherwise wrap every field of every answer in
    // a per-field hook (issue 14: a tenth of the usage subgraph's time on the partner subtree).
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestScopePlugin(),
    ],
    formatError(formatted, error) {
      const masked = maskSubgraphError(formatted, error);
      const code = masked.extensions?.code;
      if (code === 'INTERNAL_SERVER_ERROR') {
        logger.error({ err: error, subgraph: subgraph.name }, 'resolver failed');
      } else if (formatted.extensions?.code !== code) {
        logger.warn({ err: error, subgraph: subgraph.name, code }, 'database refused');
      }
      return withRequestId(masked);
    },
  });
  await apollo.start();
  const reads = options.reads ?? null;
  const contextFor = createRequestContext(options.ds, options.verify, options.settings, reads);
  const app = express();
  app.disable('x-powered-by');
  observeRequests(app, subgraph.name, options.telemetry, logger);
  const lifecycle = newLifecycle();
  closeWhileDraining(app, lifecycle);
  const databaseReady = databaseProbe(options.ds);
  mountHealth(app, databaseReady, lifecycle);
  app.use(requireGatewaySecret(options.gatewaySecret));
  subgraph.mount?.(app, { ds: options.ds, contextFor });
  app.use(
    '/graphql',
    express.json({ limit: options.maxRequestBytes }),
    documentCharacterLimit(options.limits),
    expressMiddleware(apollo, {
      context: ({ req }) =>
        contextFor(req.headers, { readOnly: reads !== null && isReadOnlyRequest(req.body) }),
    }),
  );
  mountJsonErrors(app, logger);
  const { running } = await listen(app, options.host, options.port, '/graphql', lifecycle);
  logger.info({ subgraph: subgraph.name, url: running.url }, 'subgraph listening');
  return {
    ...running,
    async stop(drainMs, cancels = []) {
      // Its own statements last: a gateway in this process may have cancelled them already.
      const own = [options.ds, ...(reads && reads.reader() !== options.ds ? [reads.reader()] : [])];
      await running.stop(drainMs, [
        ...cancels,
        ...own.map((ds) => () => cancelRunningStatements(ds)),
      ]);
      await apollo.stop();
      await databaseReady.close();
    },
  };
}
