import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** How long an idle keep-alive connection is kept open (a load balancer's is usually 60 s). */
export const KEEP_ALIVE_SECONDS = 65;

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Stops: readiness says 503 and new connections are refused at once, requests under way may
   * finish for up to `drainMs` (default 0: cut at once). Requests still under way then are
   * cancelled: each of `cancels` in turn (stop the database statements, abort subgraph fetches),
   * each followed by a moment for the requests to answer their error; then every connection is
   * closed.
   */
  stop(drainMs?: number, cancels?: readonly Cancel[]): Promise<void>;
}

/** Makes the requests under way fail fast with a clean error (issue 13 §3). */
export type Cancel = () => Promise<unknown> | unknown;

/** After each cancel, how long the requests it failed get to send their answer. */
const CANCEL_GRACE_MS = 1000;

/** Whether a server is draining: its readiness says 503, its answers close their connection. */
export interface Lifecycle {
  draining: boolean;
}

export function newLifecycle(): Lifecycle {
  return { draining: false };
}

/** How long a stopping server still takes connections, to decline them rather than reset them. */
const DECLINE_MS = 500;

/** No request under way and none arrived for this long: the server may close its listener. */
const QUIET_MS = 250;

/**
 * Mounted first: while draining, a request that arrives is declined (503, SERVICE_UNAVAILABLE)
 * and every answer closes its connection. Requests already under way go on.
 */
export function closeWhileDraining(app: Express, lifecycle: Lifecycle): void {
  app.use((req, res, next) => {
    if (!lifecycle.draining) return next();
    res.setHeader('connection', 'close');
    const error = { code: 'SERVICE_UNAVAILABLE', message: 'The service is shutting down' };
    res
      .status(503)
      .json(
        req.path.startsWith('/graphql')
          ? { errors: [{ message: error.message, extensions: { code: error.code } }] }
          : { error },
      );
  });
}

/** Listens on host:port (0 = any free port); drains and closes on stop. */
export async function listen(
  app: Express,
  host: string,
  port: number,
  path = '/graphql',
  lifecycle: Lifecycle = newLifecycle(),
): Promise<{ server: http.Server; running: RunningServer }> {
  const server = http.createServer(app);
  // Idle keep-alive sockets stay open longer than a client keeps them (undici: the server's
  // Keep-Alive hint less 1 s), so a client never sends on a socket this server is closing.
  server.keepAliveTimeout = KEEP_ALIVE_SECONDS * 1000;
  server.headersTimeout = (KEEP_ALIVE_SECONDS + 5) * 1000;
  // Requests whose answer is not finished yet: a stopping server keeps its listener (declining
  // newcomers) until they are done, so that connections still queued are answered, not reset.
  let inFlight = 0;
  // When the last connection or request arrived: none under way is not yet quiet while the
  // system still hands over connections it queued (a busy moment), each a request to come.
  let lastArrival = 0;
  server.on('connection', () => (lastArrival = Date.now()));
  server.on('request', (_req, res: http.ServerResponse) => {
    inFlight += 1;
    lastArrival = Date.now();
    res.once('close', () => (inFlight -= 1));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    server,
    running: {
      url: `http://${shownHost}:${address.port}${path}`,
      port: address.port,
      stop: (drainMs = 0, cancels: readonly Cancel[] = []) =>
        new Promise<void>((resolve) => {
          lifecycle.draining = true;
          const deadline = Date.now() + drainMs;
          const close = () => {
            server.close(() => {
              clearInterval(idle);
              clearTimeout(cut);
              resolve();
            });
            // Connections go as soon as they are idle; whatever is left at the deadline is cut.
            server.closeIdleConnections();
            const idle = setInterval(() => server.closeIdleConnections(), 50);
            const cut = setTimeout(
              () => server.closeAllConnections(),
              Math.max(0, deadline - Date.now()),
            );
          };
          if (drainMs <= 0) return close();
          /** Resolves once no request is under way, or at `until`. */
          const quiet = (until: number) =>
            new Promise<void>((done) => {
              const check = () => {
                const idle = inFlight === 0 && Date.now() - lastArrival >= QUIET_MS;
                if (idle || Date.now() >= until) done();
                // Checked after the next I/O poll: connections accepted meanwhile count first.
                else setTimeout(() => setImmediate(check), 50);
              };
              check();
            });
          // Connections the system has taken but this process not yet (a busy event loop) would
          // be reset when the listener closes: take them, to decline them, for at least a moment
          // and for as long as requests are under way (up to the deadline).
          const drain = async () => {
            await new Promise((done) => setTimeout(done, Math.min(DECLINE_MS, drainMs)));
            await quiet(deadline);
            for (const cancel of cancels) {
              if (inFlight === 0) break;
              try {
                await cancel();
              } catch {
                // Cancelling is a courtesy: the connections are cut next anyway.
              }
              await quiet(Date.now() + CANCEL_GRACE_MS);
            }
            close();
          };
          void drain();
        }),
    },
  };
}
