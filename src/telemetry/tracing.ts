import { randomBytes } from 'node:crypto';
import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
} from '@opentelemetry/api';
import type { Attributes, Context, Span } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { currentRequest } from './request-scope';

// Traces (README, Operations: traces), instrumented by hand in four places rather than by
// require hooks (which would have to run before every module and do not see TypeORM's statements
// by themselves): a server span per HTTP request (http/observe, extracting the caller's W3C
// traceparent), a client span per subgraph fetch (gateway/subgraph-fetcher, injecting it), and a
// span per SQL statement (db/instrument-statements); @apollo/gateway adds its own planning and
// fetch spans in between. Spans go over OTLP/HTTP (JSON) to OTEL_EXPORTER_OTLP_ENDPOINT; without
// it nothing is set up, and every helper here returns at once: no span, no context, no cost.

let enabled = false;
const tracer = trace.getTracer('licensegraph');

export interface Tracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** Sets up the process's tracer once; a second call (a test's second stack) is a no-op. */
export function startTracing(endpoint: string | null, serviceName = 'licensegraph'): Tracing {
  if (endpoint === null || enabled) return { shutdown: async () => undefined };
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }),
        // Sooner than the default 5 s: a short-lived command's spans still leave.
        { scheduledDelayMillis: 1000 },
      ),
    ],
  });
  trace.setGlobalTracerProvider(provider);
  const contextManager = new AsyncLocalStorageContextManager().enable();
  context.setGlobalContextManager(contextManager);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  enabled = true;
  return {
    async shutdown() {
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      enabled = false;
    },
  };
}

export function tracingEnabled(): boolean {
  return enabled;
}

/**
 * The server span of an incoming request, child of the caller's traceparent (if any), and the
 * context to run the request in; null when traces are off.
 */
export function serverSpan(
  name: string,
  headers: Record<string, string | string[] | undefined>,
  attributes: Attributes,
): { span: Span; context: Context } | null {
  if (!enabled) return null;
  const parent = propagation.extract(ROOT_CONTEXT, headers);
  const span = tracer.startSpan(name, { kind: SpanKind.SERVER, attributes }, parent);
  return { span, context: trace.setSpan(parent, span) };
}

/** Runs `work` in `spanContext` (from serverSpan); as it is when traces are off. */
export function runInSpan<T>(spanContext: Context | undefined, work: () => T): T {
  return spanContext ? context.with(spanContext, work) : work();
}

/**
 * Runs `work` in a new child span of the current one, ended when its promise settles (status
 * ERROR with the error's name, never its message: it may carry SQL or values).
 */
export async function inSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  work: (headers: () => Record<string, string>) => Promise<T>,
): Promise<T> {
  // traceHeaders: in the span, for a request the work sends.
  if (!enabled) return work(traceHeaders);
  return tracer.startActiveSpan(name, { kind, attributes }, async (span) => {
    try {
      return await work(traceHeaders);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.name });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * The W3C traceparent for a request the current one sends: its span's when traces are on, else
 * one carrying its request id (flags 00: nothing sampled), so that the receiving service logs
 * under the same id (telemetry/request-scope).
 */
export function traceHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  if (enabled) {
    propagation.inject(context.active(), headers);
    if (headers.traceparent) return headers;
  }
  const request = currentRequest();
  if (request) {
    headers.traceparent = `00-${request.requestId}-${randomBytes(8).toString('hex')}-00`;
  }
  return headers;
}

export { SpanKind, SpanStatusCode };
