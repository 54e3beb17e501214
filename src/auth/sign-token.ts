import { SignJWT } from 'jose';
import { hmacKey } from './jwt';

// Tokens for the embedded setup, the tests and `licensegraph token`: HS256 with the configured
// secret, carrying exactly the claims createTokenVerifier insists on. Production tokens come from
// the identity provider instead.

export const DEFAULT_TTL = '1h';

const MAX_TTL_SECONDS = 30 * 24 * 60 * 60;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 60 * 60, d: 24 * 60 * 60 };

/** "90s", "15m", "1h", "7d" → seconds; anything else, zero, or more than 30 days is refused. */
export function parseTtl(ttl: string): number {
  const match = /^(\d{1,7})([smhd])$/.exec(ttl.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2]] : NaN;
  if (!(seconds > 0 && seconds <= MAX_TTL_SECONDS)) {
    throw new Error(
      `Invalid token lifetime "${ttl}": give a whole number with s, m, h or d ` +
        `(for example 90s, 15m, 1h, 7d), more than zero and at most 30d`,
    );
  }
  return seconds;
}

export async function signToken(
  input: { userId: string; ttl?: string },
  key: { secret: string; issuer: string; audience: string },
): Promise<string> {
  if (input.userId.trim() === '') throw new Error('A token needs a user id');
  const lifetime = parseTtl(input.ttl ?? DEFAULT_TTL);
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.userId)
    .setIssuer(key.issuer)
    .setAudience(key.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .sign(hmacKey(key.secret));
}
