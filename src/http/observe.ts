import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Express, Request } from 'express';
import type { GraphQLFormattedError } from 'graphql';
import type { TelemetrySettings } from '../config';
import type { Logger } from '../logger';
import {
  operationLabel,
  refusals,
  registry,
  requestDuration,
  requests,
} from '../telemetry/metrics';
import { currentRequest, noteError, requestIdFor, runInRequest } from '../telemetry/request-scope';
import type { RequestScope } from '../telemetry/request-scope';
import { runInSpan, serverSpan, SpanStatusCode } from '../telemetry/tracing';

// What every server of every process does for operations (README, Operations), mounted first:
// each request gets its request id (answered in X-Request-Id, carried by its log lines and its
// errors), a server span when traces are on, and is counted and timed; GET /metrics answers the
// process's metrics (telemetry/metrics) to whom may read them.

export const METRICS_PATH = '/metrics';

/** Paths not worth a metric or a span: probes and scrapes, many times a minute. */
const QUIET = /^\/(health\/|metrics$)/;

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** METRICS_TOKEN as a bearer token, or, without one, a caller on this machine. */
function mayReadMetrics(req: Request, token: string | null): boolean {
  if (token === null) return LOOPBACK.has(req.socket.remoteAddress ?? '');
  const given = Buffer.from(req.headers.authorization ?? '');
  const wanted = Buffer.from(`Bearer ${token}`);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The operation name a client sent, when the request never reached the GraphQL pipeline. */
function sentOperationName(req: Request): string | undefined {
  const name = (req.body as { operationName?: unknown } | undefined)?.operationName;
  return typeof name === 'string' ? name : undefined;
}

/** Whether /metrics answers, and to whom (TelemetrySettings). */
export type MetricsAccess = Pick<TelemetrySettings, 'metricsEnabled' | 'metricsToken'>;

export function observeRequests(
  app: Express,
  service: string,
  settings: MetricsAccess = { metricsEnabled: true, metricsToken: null },
  logger?: Logger,
): void {
  app.use((req, res, next) => {
    if (QUIET.test(req.path)) return next();
    const started = process.hrtime.bigint();
    const traced = serverSpan(`${service} ${req.method} ${req.path}`, req.headers, {
      'licensegraph.service': service,
      'http.request.method': req.method,
      'url.path': req.path,
    });
    const scope: RequestScope = {
      requestId: traced?.span.spanContext().traceId ?? requestIdFor(req.headers.traceparent),
    };
    res.setHeader('x-request-id', scope.requestId);
    // In the request's scope: the event comes from the socket, outside of it.
    const finished = () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      // Outside /graphql a fixed label per kind of path: paths are the client's, unbounded.
      const operation = req.originalUrl.startsWith('/graphql')
        ? operationLabel(scope.operation ?? sentOperationName(req))
        : req.originalUrl.startsWith('/reports/')
          ? 'csv_export'
          : 'other_path';
      const outcome = scope.outcome ?? (res.statusCode < 400 ? 'ok' : `HTTP_${res.statusCode}`);
      requests.inc({ service, operation, outcome });
      requestDuration.observe({ service, operation }, seconds);
      if (scope.refusedBy) refusals.inc({ service, limit: scope.refusedBy });
      // An access log at debug; pino's mixin adds the request id (still in this request's scope).
      logger?.debug({ service, operation, outcome, status: res.statusCode, seconds }, 'request');
      if (traced) {
        traced.span.setAttributes({
          'http.response.status_code': res.statusCode,
          'graphql.operation.name': operation,
          'licensegraph.outcome': outcome,
        });
        if (outcome !== 'ok') traced.span.setStatus({ code: SpanStatusCode.ERROR });
        traced.span.end();
      }
    };
    res.once('close', () => runInRequest(scope, finished));
    runInRequest(scope, () => runInSpan(traced?.context, next));
  });
  if (!settings.metricsEnabled) return;
  app.get(METRICS_PATH, async (req, res) => {
    if (!mayReadMetrics(req, settings.metricsToken)) {
      res.status(403).json({
        error: {
          code: 'FORBIDDEN',
          message: 'Metrics are for this machine, or for METRICS_TOKEN as a bearer token',
        },
      });
      return;
    }
    res.setHeader('content-type', registry.contentType);
    res.send(await registry.metrics());
  });
}

/** Tells the request's scope its operation name, once the GraphQL pipeline knows it. */
export function requestScopePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const scope = currentRequest();
      if (scope && request.operationName) scope.operation = request.operationName;
      return {
        async didResolveOperation({ operationName }) {
          if (scope && operationName) scope.operation = operationName;
        },
      };
    },
  };
}

/**
 * For formatError: the request id goes into every error's extensions, for a client to quote,
 * and the first error's code is the request's outcome (metrics).
 */
export function withRequestId(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const scope = currentRequest();
  if (!scope) return formatted;
  noteError(formatted.extensions?.code, formatted.extensions?.limit);
  return { ...formatted, extensions: { ...formatted.extensions, requestId: scope.requestId } };
}
