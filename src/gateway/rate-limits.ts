import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin, GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitSettings } from '../config';
import type { Logger } from '../logger';
import { sendRefusal } from '../http/json-errors';
import type { GatewayContext } from './authenticated-data-source';

// Two budgets per window (rate-limiter-flexible): every request from one client address, counted
// before authentication, and the cost of a viewer's operations, counted once the token is
// verified. In Redis when REDIS_URL is set, so that every gateway instance draws on the same
// budget; in this process otherwise. Should Redis fail, the same budgets are kept in memory
// until it is back (insurance limiter) rather than letting everything through or nothing.

export interface RateLimits {
  /** 'redis' or 'memory': where the budgets are kept. */
  store: 'redis' | 'memory';
  /** Takes `points` from a key's budget: null when allowed, else the seconds to wait. */
  takeFromAddress(address: string): Promise<number | null>;
  takeFromViewer(userId: string, points: number): Promise<number | null>;
  /** Resolves once Redis answers (at once in memory); until then the in-memory insurance counts. */
  ready(): Promise<void>;
  close(): Promise<void>;
}

const REDIS_WAIT_MS = 5_000;

/** What an operation costs against the viewer's budget. */
export type OperationCost = (
  request: GraphQLRequestContextDidResolveOperation<GatewayContext>,
) => number;
/** The cost the cost limit estimated (costLimitPlugin runs first and keeps it in the context). */
export const ESTIMATED_COST: OperationCost = (request) => request.contextValue.cost ?? 0;

function limiter(
  settings: RateLimitSettings,
  redis: Redis | null,
  keyPrefix: string,
  points: number,
): RateLimiterAbstract {
  const options = { keyPrefix, points, duration: settings.windowSeconds };
  if (!redis) return new RateLimiterMemory(options);
  return new RateLimiterRedis({
    ...options,
    storeClient: redis,
    rejectIfRedisNotReady: true,
    insuranceLimiter: new RateLimiterMemory(options),
  });
}

async function take(budget: RateLimiterAbstract, key: string, points: number) {
  try {
    await budget.consume(key, points);
    return null;
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes)
      return Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
    throw refusal;
  }
}

export function createRateLimits(
  settings: RateLimitSettings,
  logger: Logger,
  keyPrefix = 'licensegraph:rate',
): RateLimits {
  const redis = settings.redisUrl
    ? new Redis(settings.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 })
    : null;
  redis?.on('error', (error: Error) => logger.warn({ err: error }, 'rate limits: Redis error'));
  const address = limiter(settings, redis, `${keyPrefix}:address`, settings.addressRequests);
  const viewer = limiter(settings, redis, `${keyPrefix}:viewer`, settings.viewerPoints);
  return {
    store: redis ? 'redis' : 'memory',
    takeFromAddress: (ip) => take(address, ip, 1),
    // Every operation takes at least the minimum, so that many cheap requests are bounded too. A
    // cost above the whole budget can never pass: it takes the whole budget and is refused.
    takeFromViewer: (userId, points) =>
      take(
        viewer,
        userId,
        Math.min(Math.max(settings.minOperationCost, Math.ceil(points)), settings.viewerPoints + 1),
      ),
    async ready() {
      if (!redis || redis.status === 'ready') return;
      const ready = new Promise<void>((resolve) => redis.once('ready', () => resolve()));
      const late = new Promise<void>((resolve) => setTimeout(resolve, REDIS_WAIT_MS).unref());
      await Promise.race([ready, late]);
      if ((redis.status as string) !== 'ready') {
        logger.warn('rate limits: Redis is not ready; counting in this process until it is');
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
    },
  };
}

export function rateLimited(retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(`Rate limit reached: retry in ${retryAfterSeconds} s`, {
    extensions: {
      code: 'RATE_LIMITED',
      retryAfterSeconds,
      http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) },
    },
  });
}

/** The JSON 429 of an HTTP route, with Retry-After. */
export function sendRateLimited(req: Request, res: Response, retryAfterSeconds: number): void {
  res.setHeader('retry-after', String(retryAfterSeconds));
  sendRefusal(req, res, {
    status: 429,
    code: 'RATE_LIMITED',
    message: `Rate limit reached: retry in ${retryAfterSeconds} s`,
  });
}

/** Express middleware before authentication: every request but /health/* counts for its address. */
export function addressRateLimit(limits: RateLimits): RequestHandler {
  return async (req, res, next) => {
    if (req.path.startsWith('/health/')) return next();
    const wait = await limits.takeFromAddress(req.ip ?? 'unknown');
    if (wait === null) return next();
    sendRateLimited(req, res, wait);
  };
}

/** The viewer's budget, charged with the operation's cost once it is resolved and valid. */
export function viewerRateLimitPlugin(
  limits: RateLimits,
  cost: OperationCost = ESTIMATED_COST,
): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(request) {
          const { userId } = request.contextValue;
          if (userId === undefined) return;
          const wait = await limits.takeFromViewer(userId, cost(request));
          if (wait !== null) throw rateLimited(wait);
        },
      };
    },
  };
}
