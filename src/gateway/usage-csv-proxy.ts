import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Express } from 'express';
import { AuthenticationError } from '../auth/errors';
import { bearerToken } from '../auth/jwt';
import type { TokenVerifier } from '../auth/jwt';
import type { Logger } from '../logger';
import { GATEWAY_SECRET_HEADER } from '../http/gateway-secret';
import { sendRateLimited } from './rate-limits';
import type { RateLimits } from './rate-limits';

export const USAGE_CSV_PATH = '/reports/usage.csv';

/** Headers of the usage subgraph's answer that the client needs. */
const FORWARDED = ['content-type', 'content-disposition'];

/**
 * GET /reports/usage.csv on the gateway. The usage subgraph serves the export (it has the
 * database and runs the same report code as Query.usageReport); the gateway checks the token
 * first, as for /graphql, then streams the subgraph's answer through without holding it.
 */
export function mountUsageCsvProxy(
  app: Express,
  options: {
    usageUrl: string;
    verify: TokenVerifier;
    logger: Logger;
    gatewaySecret: string;
    /** An export costs its viewer 1 against the rate limit, like an operation by default. */
    rateLimits: RateLimits;
  },
): void {
  app.get(USAGE_CSV_PATH, async (req, res) => {
    const authorization = req.headers.authorization;
    const token = bearerToken(authorization);
    const unauthenticated = (message: string) =>
      res.status(401).json({ error: { code: 'UNAUTHENTICATED', message } });
    if (!token) return unauthenticated('Authentication required: send a valid bearer token');
    let userId: string;
    try {
      ({ userId } = await options.verify(token));
    } catch (error) {
      if (error instanceof AuthenticationError) return unauthenticated(error.message);
      throw error;
    }
    // An export takes the minimum charge of an operation: it streams, so its size costs no memory.
    const wait = await options.rateLimits.takeFromViewer(userId, 0);
    if (wait !== null) return sendRateLimited(req, res, wait);
    const search = req.originalUrl.slice(req.path.length);
    const target = new URL(`reports/usage.csv${search}`, options.usageUrl);
    let upstream: globalThis.Response;
    try {
      upstream = await fetch(target, {
        headers: { authorization: authorization!, [GATEWAY_SECRET_HEADER]: options.gatewaySecret },
      });
    } catch (error) {
      options.logger.warn({ err: error }, 'usage subgraph unreachable for the CSV export');
      return res.status(502).json({
        error: { code: 'SUBGRAPH_UNAVAILABLE', message: 'The usage service is unavailable' },
      });
    }
    res.status(upstream.status);
    for (const name of FORWARDED) {
      const value = upstream.headers.get(name);
      if (value) res.setHeader(name, value);
    }
    if (!upstream.body) return res.end();
    try {
      await pipeline(Readable.fromWeb(upstream.body as never), res);
    } catch (error) {
      // The client went away, or the subgraph cut its answer short; either way the response
      // must end incomplete rather than look whole.
      options.logger.warn({ err: error }, 'CSV export interrupted');
      res.destroy();
    }
  });
}
