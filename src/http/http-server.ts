import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';

/** How long an idle keep-alive connection is kept open (a load balancer's is usually 60 s). */
export const KEEP_ALIVE_SECONDS = 65;

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Listens on host:port (0 = any free port) and closes idle keep-alive sockets on stop. */
export async function listen(
  app: Express,
  host: string,
  port: number,
  path = '/graphql',
): Promise<{ server: http.Server; running: RunningServer }> {
  const server = http.createServer(app);
  // Idle keep-alive sockets stay open longer than a client keeps them (undici: the server's
  // Keep-Alive hint less 1 s), so a client never sends on a socket this server is closing.
  server.keepAliveTimeout = KEEP_ALIVE_SECONDS * 1000;
  server.headersTimeout = (KEEP_ALIVE_SECONDS + 5) * 1000;
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
      stop: () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    },
  };
}
