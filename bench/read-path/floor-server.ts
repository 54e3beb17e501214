import http from 'node:http';
import mysql from 'mysql2/promise';
import { createTokenVerifier } from '../../src/auth/jwt';
import { overviewFloor, seriesFloor, subtreeFloor } from './floor-queries';
import type { FloorAnswer } from './floor-queries';

// The floor as a server (issue 14): bare node:http, a mysql2 pool of the graph's default size
// (DATABASE_POOL_SIZE 10), the same HS256 token check (jose, through the project's verifier), the
// statements of floor-queries.ts and JSON.stringify. Run as its own process by the read-path
// benchmarks, as each piece of the graph is, so that a load generator never shares its event loop:
//   node dist/bench/read-path/floor-server.js   (DATABASE_URL, JWT_SECRET, JWT_ISSUER, JWT_AUDIENCE)
// It prints its URL on stdout. POST /<operation> with { variables } and a bearer token; the answer
// carries the statement count in the `x-statements` header.

type Handler = (pool: mysql.Pool, userId: string, vars: never) => Promise<FloorAnswer>;
const OPERATIONS: Record<string, Handler> = {
  '/subtree': subtreeFloor as Handler,
  '/series': seriesFloor as Handler,
  '/overview': overviewFloor as Handler,
};

function main(): void {
  const env = process.env;
  const verify = createTokenVerifier({
    secret: env.JWT_SECRET!,
    issuer: env.JWT_ISSUER!,
    audience: env.JWT_AUDIENCE!,
    jwksUrl: null,
  });
  const pool = mysql.createPool({
    uri: env.DATABASE_URL!,
    connectionLimit: 10,
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    timezone: 'Z',
  });
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const handler = OPERATIONS[req.url ?? ''];
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!handler || req.method !== 'POST' || !token) {
        res.writeHead(400).end('{"errors":[{"message":"bad request"}]}');
        return;
      }
      verify(token)
        .then(({ userId }) => {
          const { variables } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          return handler(pool, userId, variables as never);
        })
        .then(
          ({ data, statements }) => {
            res.writeHead(200, {
              'content-type': 'application/json',
              'x-statements': String(statements),
            });
            res.end(JSON.stringify({ data }));
          },
          (error: Error) => {
            res.writeHead(500, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ errors: [{ message: error.message }] }));
          },
        );
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as { port: number };
    console.log(`http://127.0.0.1:${port}`);
  });
  process.on('SIGTERM', () => {
    server.close();
    server.closeAllConnections();
    void pool.end().then(() => process.exit(0));
  });
}

if (require.main === module) main();
