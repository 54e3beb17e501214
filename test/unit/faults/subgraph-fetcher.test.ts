import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { subgraphFetcher } from '../../../src/gateway/subgraph-fetcher';
import { KEEP_ALIVE_SECONDS } from '../../../src/http/http-server';

// Issue 13 §2: a subgraph that closes a kept-alive connection just as the gateway sends on it
// (Node's keepAliveTimeout race) must not become a SUBGRAPH_UNAVAILABLE. The server here cuts
// every connection on its second request, without an answer, as that race does.

let server: http.Server;
let url: string;
const received: string[] = [];

beforeAll(async () => {
  const requestsOnSocket = new WeakMap<object, number>();
  server = http.createServer((req, res) => {
    const count = (requestsOnSocket.get(req.socket) ?? 0) + 1;
    requestsOnSocket.set(req.socket, count);
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (count > 1) {
        req.socket.destroy();
        return;
      }
      received.push(body);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ data: { ok: true } }));
    });
  });
  server.keepAliveTimeout = KEEP_ALIVE_SECONDS * 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const post = (query: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query }),
});

it('sends a query again on a fresh connection when the kept-alive one was closed', async () => {
  const fetcher = subgraphFetcher(10);
  for (let i = 0; i < 5; i++) {
    const response = await fetcher(url, post(`query Q${i} { ok }`));
    expect(await response.json()).toEqual({ data: { ok: true } });
  }
  expect(received).toHaveLength(5);
});

it('never sends a mutation twice', async () => {
  const fetcher = subgraphFetcher(10);
  await (await fetcher(url, post('query Warm { ok }'))).text();
  received.length = 0;
  await expect(fetcher(url, post('mutation M { ok }'))).rejects.toThrow();
  expect(received).toEqual([]);
});

it('keeps idle connections open longer than the gateway keeps them (undici: hint less 1 s)', () => {
  expect(KEEP_ALIVE_SECONDS).toBeGreaterThan(5);
});
