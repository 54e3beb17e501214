import { createRemoteJWKSet, errors, jwtVerify } from 'jose';
import type { JWTPayload, JWTVerifyOptions } from 'jose';
import { LRUCache } from 'lru-cache';
import { ConfigError } from '../config';
import { AuthenticationError } from './errors';
import { MIN_SECRET_BYTES } from './secret';

// Bearer token verification, the same code in the gateway and in every subgraph (no subgraph
// trusts the network). One key source per deployment: the HS256 shared secret of the embedded
// setup and the tests, or the RS256/ES256 keys that a production identity provider publishes as a
// JWKS. The algorithms are pinned to the mode, so a token can never choose how it is checked
// (alg "none", or HS256 keyed with a public key in JWKS mode, are refused before any key is used).

export const HMAC_ALGORITHMS: readonly string[] = Object.freeze(['HS256']);
export const JWKS_ALGORITHMS: readonly string[] = Object.freeze(['RS256', 'ES256']);

/** Far above any real token; stops a huge header from being parsed at all. */
const MAX_TOKEN_LENGTH = 8192;

export interface TokenVerifierOptions {
  secret: string | null;
  jwksUrl: string | null;
  issuer: string;
  audience: string;
}

export type TokenVerifier = (token: string) => Promise<{ userId: string }>;

/** The HMAC key for a shared secret; signToken and the verifier must agree on it. */
export function hmacKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

function chooseKey(options: TokenVerifierOptions) {
  if (options.secret !== null && options.jwksUrl !== null) {
    throw new ConfigError(
      'JWT_SECRET',
      'is set together with JWT_JWKS_URL; set one of them (a shared secret or an identity provider)',
    );
  }
  if (options.secret !== null) {
    if (Buffer.byteLength(options.secret) < MIN_SECRET_BYTES) {
      throw new ConfigError('JWT_SECRET', `must be at least ${MIN_SECRET_BYTES} bytes long`);
    }
    return { key: hmacKey(options.secret), algorithms: HMAC_ALGORITHMS };
  }
  if (options.jwksUrl !== null) {
    return { key: createRemoteJWKSet(new URL(options.jwksUrl)), algorithms: JWKS_ALGORITHMS };
  }
  throw new ConfigError(
    'JWT_SECRET',
    'no key to verify tokens with: set JWT_SECRET or JWT_JWKS_URL',
  );
}

/** A client-safe reason: jose's own messages are safe too, but we keep the wording ours. */
function refusal(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = /^[a-z]{2,4}$/.test(error.claim) ? `"${error.claim}" claim` : 'claims';
    return error.reason === 'missing'
      ? `The token has no ${claim}`
      : `The token's ${claim} is not accepted`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return 'The token is signed with an algorithm this server does not accept';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return 'The token signature is invalid';
  if (error instanceof errors.JWKSNoMatchingKey) return 'The token is signed with an unknown key';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return 'The token is malformed';
  }
  return 'The token could not be verified';
}

const CLOCK_TOLERANCE_SECONDS = 5;
/** How long an accepted token is taken without checking its signature again, and how many. */
const REMEMBER_MS = 60_000;
const REMEMBERED_TOKENS = 10_000;

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const { key, algorithms } = chooseKey(options);
  const verifyOptions: JWTVerifyOptions = {
    algorithms: [...algorithms],
    issuer: options.issuer,
    audience: options.audience,
    requiredClaims: ['exp', 'sub'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  // Two calls rather than one on a union: jose's overloads tell a key from a key-set function.
  const verify = (token: string): Promise<{ payload: JWTPayload }> =>
    key instanceof Uint8Array
      ? jwtVerify(token, key, verifyOptions)
      : jwtVerify(token, key, verifyOptions);

  // Tokens this verifier accepted, until their expiry (issue 14): a client sends the same token
  // with every request, and in one process the gateway and the subgraphs it calls in process
  // verify it again; the signature check (WebCrypto HMAC, or RSA/EC) was a tenth of a small
  // query's time. Keyed by the whole token, so a hit is the very token that was verified; its
  // expiry is checked again on every hit, and after REMEMBER_MS it is verified afresh (a key
  // rotated out of the JWKS stops its tokens within that time).
  const accepted = new LRUCache<string, { userId: string; expiresAt: number }>({
    max: REMEMBERED_TOKENS,
    ttl: REMEMBER_MS,
  });

  return async (token) => {
    if (token.length > MAX_TOKEN_LENGTH) throw new AuthenticationError('The token is malformed');
    const known = accepted.get(token);
    if (known && Date.now() < known.expiresAt) return { userId: known.userId };
    let payload: JWTPayload;
    try {
      ({ payload } = await verify(token));
    } catch (error) {
      // The cause is for server logs; clients only ever see the message and the code.
      throw new AuthenticationError(refusal(error), { cause: error });
    }
    if (typeof payload.sub !== 'string' || payload.sub.trim() === '') {
      throw new AuthenticationError('The token\'s "sub" claim is not accepted');
    }
    // exp is required (requiredClaims); jose's clock tolerance applies as it did above.
    accepted.set(token, {
      userId: payload.sub,
      expiresAt: (Number(payload.exp) + CLOCK_TOLERANCE_SECONDS) * 1000,
    });
    return { userId: payload.sub };
  };
}

/** The token of an `Authorization: Bearer <token>` header; null when absent or not that shape. */
export function bearerToken(header: string | undefined): string | null {
  if (header === undefined || header.length > MAX_TOKEN_LENGTH + 16) return null;
  // A compact JWS: three base64url parts (the last one may be empty, which verification refuses).
  const match = /^\s*bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)\s*$/i.exec(header);
  return match ? match[1] : null;
}
