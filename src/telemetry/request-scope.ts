import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

// Which request the code running now serves, for the log lines (logger.ts) and the errors it
// answers (the request id in their extensions). Kept whether or not traces are exported: the id
// is the trace id of the request's W3C traceparent when it came with one (the gateway sends one
// to each subgraph, README Operations: traces), else a new one in the same format, so that a log
// line, an error a client reports and a trace all meet on the same 32 hex digits.

export interface RequestScope {
  readonly requestId: string;
  /** The GraphQL operation's name, once known (for metrics). */
  operation?: string;
  /** The first error code of the answer, or 'ok' (for metrics). */
  outcome?: string;
  /** The limit that refused the request, if one did (for metrics). */
  refusedBy?: string;
}

/** Which limit an error code or a document limit's `limit` extension names. */
const LIMIT_OF_CODE: Record<string, string> = {
  RATE_LIMITED: 'rate_limit',
  COST_LIMIT_EXCEEDED: 'cost',
  RESPONSE_TOO_LARGE: 'response_size',
  PAYLOAD_TOO_LARGE: 'request_size',
  COUNT_TOO_LARGE: 'count',
};

/**
 * Notes an error the current request answers: the first one is its outcome; a limit's refusal
 * (its code, or the document limit named by `limit`) is counted as such.
 */
export function noteError(code: unknown, limit?: unknown): void {
  const scope = storage.getStore();
  if (!scope) return;
  const name = typeof code === 'string' ? code : 'ERROR';
  scope.outcome ??= name;
  scope.refusedBy ??= typeof limit === 'string' ? limit : LIMIT_OF_CODE[name];
}

const storage = new AsyncLocalStorage<RequestScope>();

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;
const REQUEST_ID = /^[\da-f]{32}$/;

/** The trace id of a traceparent header, or a new random id. */
export function requestIdFor(traceparent: string | string[] | undefined): string {
  const match = typeof traceparent === 'string' ? TRACEPARENT.exec(traceparent.trim()) : null;
  const id = match?.[1];
  if (id && REQUEST_ID.test(id) && !/^0+$/.test(id)) return id;
  return randomBytes(16).toString('hex');
}

export function runInRequest<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request the calling code serves; undefined outside of one. */
export function currentRequest(): RequestScope | undefined {
  return storage.getStore();
}
