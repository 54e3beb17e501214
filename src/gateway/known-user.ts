import { LRUCache } from 'lru-cache';
import { GATEWAY_SECRET_HEADER } from '../http/gateway-secret';
import { inSpan, SpanKind } from '../telemetry/tracing';

// The gateway has no database, yet a validly signed token of a user that does not exist (deleted,
// or from another environment) must be refused there, before any planning, with 401. It asks the
// organizations subgraph who the token's viewer is, and remembers for a short while the users that
// exist (a deleted one is still refused by every subgraph, which load the viewer on each request).

const REMEMBER_MS = 30_000;
const REMEMBERED_USERS = 10_000;
const CHECK_TIMEOUT_MS = 5_000;
const VIEWER_QUERY = JSON.stringify({ query: '{ viewer { user { id } } }' });

export type KnownUserCheck = (userId: string, authorization: string) => Promise<boolean>;

export function knownUserCheck(organizationsUrl: string, gatewaySecret: string): KnownUserCheck {
  const known = new LRUCache<string, true>({ max: REMEMBERED_USERS, ttl: REMEMBER_MS });
  return async (userId, authorization) => {
    if (known.has(userId)) return true;
    let response: Response;
    try {
      response = await inSpan(
        'fetch organizations',
        SpanKind.CLIENT,
        { 'licensegraph.subgraph': 'organizations', 'licensegraph.check': 'known user' },
        (traceparent) =>
          fetch(organizationsUrl, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization,
              [GATEWAY_SECRET_HEADER]: gatewaySecret,
              // The subgraph serves this check under the request's id and trace.
              ...traceparent(),
            },
            body: VIEWER_QUERY,
            signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
          }),
      );
    } catch {
      // The organizations subgraph is down: the other subgraphs check the user themselves.
      return true;
    }
    if (response.status === 401) return false;
    const body = (await response.json().catch(() => null)) as {
      data?: { viewer?: { user?: { id?: unknown } } };
    } | null;
    if (body?.data?.viewer?.user?.id === userId) known.set(userId, true);
    return true;
  };
}
