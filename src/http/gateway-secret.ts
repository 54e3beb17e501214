import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendRefusal } from './json-errors';

// Subgraphs answer only the gateway: every request the gateway sends carries a shared secret
// (SUBGRAPH_SECRET) in this header, and a subgraph refuses any other, `_service` and the CSV
// export included; only /health/* stays open for probes. The subgraphs still verify the bearer
// token themselves: the secret says who forwards the request, not who asks.

export const GATEWAY_SECRET_HEADER = 'x-licensegraph-gateway';

/** A secret for a process that runs the gateway and the subgraphs together (`npm start`). */
export function generatedGatewaySecret(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares in constant time: the digests have the same length whatever was sent. */
export function requireGatewaySecret(secret: string): RequestHandler {
  const expected = digest(secret);
  return (req, res, next) => {
    if (req.path.startsWith('/health/')) return next();
    const sent = req.headers[GATEWAY_SECRET_HEADER];
    if (typeof sent === 'string' && timingSafeEqual(digest(sent), expected)) return next();
    sendRefusal(req, res, {
      status: 403,
      code: 'FORBIDDEN',
      message: 'This service answers the gateway only',
    });
  };
}
