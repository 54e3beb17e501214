import type { Fetcher, FetcherRequestInit, FetcherResponse } from '@apollo/utils.fetcher';
import { subgraphFetchDuration, subgraphFetchErrors } from '../telemetry/metrics';
import { inSpan, SpanKind } from '../telemetry/tracing';

// How the gateway reaches its subgraphs (issue 13 §1, §2): Node's fetch (undici keeps sockets
// alive, for less than the subgraphs' keepAliveTimeout: http/http-server), with a deadline per
// fetch, and more tries (on other connections) of a query whose connection the subgraph had just closed (ECONNRESET,
// "other side closed"), which would otherwise surface as a false SUBGRAPH_UNAVAILABLE. A mutation
// is never sent twice: it may have been carried out.

/** Network errors of a reused socket that the subgraph closed: the request never arrived. */
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/**
 * Several idle sockets may have gone stale together; each failed try drops one. A socket that
 * fails this often is no stale one: the subgraph is really gone.
 */
const ATTEMPTS = 4;

function isStaleSocket(error: unknown): boolean {
  const cause = (error as { cause?: { code?: string } } | null)?.cause;
  return typeof cause?.code === 'string' && STALE_SOCKET.has(cause.code);
}

/** True for a GraphQL request body whose operation is a query (not a mutation). */
export function isQueryBody(body: FetcherRequestInit['body']): boolean {
  if (typeof body !== 'string') return false;
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && /^\s*(query\b|\{)/.test(query);
  } catch {
    return false;
  }
}

/** Why a fetch attempt failed, for licensegraph_subgraph_fetch_errors_total. */
function failureReason(error: unknown): string {
  if (isStaleSocket(error)) return 'stale_socket';
  const name = (error as { name?: string } | null)?.name;
  if (name === 'TimeoutError') return 'timeout';
  if (name === 'AbortError') return 'aborted';
  return 'unreachable';
}

/**
 * `subgraph` names the service in metrics and spans; `shutdown`, when aborted, fails the fetches
 * still waiting (a stopping gateway).
 */
export function subgraphFetcher(
  timeoutSeconds: number,
  shutdown?: AbortSignal,
  subgraph = 'subgraph',
): Fetcher {
  const once = async (
    url: string,
    init: FetcherRequestInit,
    traceparent: () => Record<string, string>,
  ) => {
    const timeout = AbortSignal.timeout(Math.ceil(timeoutSeconds * 1000));
    const stop = subgraphFetchDuration.startTimer({ subgraph });
    try {
      return (await fetch(url, {
        ...init,
        headers: { ...init.headers, ...traceparent() },
        signal: shutdown ? AbortSignal.any([timeout, shutdown]) : timeout,
      })) as unknown as FetcherResponse;
    } catch (error) {
      subgraphFetchErrors.inc({ subgraph, reason: failureReason(error) });
      throw error;
    } finally {
      stop();
    }
  };
  return (url, init = {}) =>
    inSpan(
      `fetch ${subgraph}`,
      SpanKind.CLIENT,
      { 'licensegraph.subgraph': subgraph, 'http.request.method': init.method ?? 'POST' },
      async (traceparent) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await once(url, init, traceparent);
          } catch (error) {
            if (attempt >= ATTEMPTS || !isStaleSocket(error) || !isQueryBody(init.body)) {
              throw error;
            }
          }
        }
      },
    );
}
