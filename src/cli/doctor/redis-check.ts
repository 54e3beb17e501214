import { Redis } from 'ioredis';
import { showUrl } from './check';
import type { CheckResult } from './check';

// REDIS_URL (the rate limits' store) answers: ioredis connects (AUTH when the URL has a password,
// SELECT of its database) and PINGs, once, without retrying.

export async function checkRedis(raw: string | null, timeoutMs: number): Promise<CheckResult> {
  if (raw === null) return { name: 'redis', status: 'skip', detail: 'REDIS_URL is not set' };
  const redis = new Redis(raw, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // connect() only says "Connection is closed."; the 'error' event before it says why.
  let cause: unknown;
  redis.on('error', (error) => (cause ??= error));
  try {
    await redis.connect().catch((error) => Promise.reject(cause ?? error));
    const answer = await redis.ping();
    if (answer !== 'PONG') {
      return { name: 'redis', status: 'fail', detail: `${showUrl(raw)}: no PONG to PING` };
    }
  } finally {
    redis.disconnect();
  }
  return { name: 'redis', status: 'ok', detail: `${showUrl(raw)} answers PING` };
}
