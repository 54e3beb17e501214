import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import type { CryptoKey, JWTPayload } from 'jose';
import { ConfigError } from '../../../src/config';
import { AuthenticationError } from '../../../src/auth/errors';
import { bearerToken, createTokenVerifier } from '../../../src/auth/jwt';
import type { TokenVerifier } from '../../../src/auth/jwt';

const SECRET = randomBytes(48).toString('base64url');
const ISSUER = 'licensegraph';
const AUDIENCE = 'licensegraph-api';
const now = () => Math.floor(Date.now() / 1000);

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const fromB64 = (part: string): JWTPayload => JSON.parse(Buffer.from(part, 'base64url').toString());

/** A token with the usual claims; `omit` drops some, `claims` overrides. */
function claims(overrides: JWTPayload = {}, omit: string[] = []): JWTPayload {
  const all: JWTPayload = {
    sub: 'user-1',
    iss: ISSUER,
    aud: AUDIENCE,
    iat: now(),
    exp: now() + 600,
    ...overrides,
  };
  for (const name of omit) delete all[name];
  return all;
}

function sign(
  payload: JWTPayload,
  key: CryptoKey | Uint8Array,
  header: { alg: string; kid?: string } = { alg: 'HS256' },
): Promise<string> {
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
}

const hs256 = (payload: JWTPayload, secret = SECRET) =>
  sign(payload, new TextEncoder().encode(secret));

async function refusal(verify: TokenVerifier, token: string): Promise<AuthenticationError> {
  const error = await verify(token).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthenticationError);
  const refused = error as AuthenticationError;
  expect(refused.code).toBe('UNAUTHENTICATED');
  // Nothing of the token comes back: not whole, and no part that could carry its claims.
  for (const part of [token, ...token.split('.')].filter((p) => p.length >= 8)) {
    expect(refused.message).not.toContain(part);
  }
  return refused;
}

describe('createTokenVerifier in HS256 mode', () => {
  const verify = createTokenVerifier({
    secret: SECRET,
    jwksUrl: null,
    issuer: ISSUER,
    audience: AUDIENCE,
  });
  let rsaPrivate: CryptoKey;
  let rsaPublicPem: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('RS256');
    rsaPrivate = pair.privateKey;
    rsaPublicPem = await exportSPKI(pair.publicKey);
  });

  it('accepts a valid token and returns its subject as the user id', async () => {
    await expect(verify(await hs256(claims()))).resolves.toEqual({ userId: 'user-1' });
  });

  it('tolerates a few seconds of clock skew on exp', async () => {
    await expect(verify(await hs256(claims({ exp: now() - 2 })))).resolves.toEqual({
      userId: 'user-1',
    });
  });

  it('takes a token it accepted again without checking it, only until the token expires', async () => {
    const token = await hs256(claims({ exp: now() + 30 }));
    await expect(verify(token)).resolves.toEqual({ userId: 'user-1' });
    await expect(verify(token)).resolves.toEqual({ userId: 'user-1' });
    // 40 s later the token is 10 s past its expiry, beyond the 5 s of tolerance.
    jest.useFakeTimers({ now: Date.now() + 40_000, doNotFake: ['nextTick', 'setImmediate'] });
    try {
      const refused = await refusal(verify, token);
      expect(refused.message).toMatch(/expired/);
    } finally {
      jest.useRealTimers();
    }
  });

  it.each<[string, () => Promise<string>, RegExp]>([
    ['expired', () => hs256(claims({ exp: now() - 60 })), /expired/],
    ['without exp', () => hs256(claims({}, ['exp'])), /no "exp" claim/],
    ['without sub', () => hs256(claims({}, ['sub'])), /no "sub" claim/],
    ['with an empty sub', () => hs256(claims({ sub: '' })), /"sub" claim/],
    ['from another issuer', () => hs256(claims({ iss: 'someone-else' })), /"iss" claim/],
    ['for another audience', () => hs256(claims({ aud: 'other-api' })), /"aud" claim/],
    ['not yet valid', () => hs256(claims({ nbf: now() + 600 })), /"nbf" claim/],
    ['signed with another secret', () => hs256(claims(), `${SECRET}x`), /signature is invalid/],
  ])('refuses a token %s', async (_case, makeToken, reason) => {
    const refused = await refusal(verify, await makeToken());
    expect(refused.message).toMatch(reason);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`;
    const refused = await refusal(verify, token);
    expect(refused.message).toMatch(/algorithm/);
  });

  it('refuses a tampered payload that keeps the original signature', async () => {
    const [header, payload, signature] = (await hs256(claims())).split('.');
    const forged = b64({ ...fromB64(payload), sub: 'admin' });
    const refused = await refusal(verify, `${header}.${forged}.${signature}`);
    expect(refused.message).toMatch(/signature is invalid/);
  });

  it('refuses an RS256 token', async () => {
    const token = await sign(claims(), rsaPrivate, { alg: 'RS256' });
    expect((await refusal(verify, token)).message).toMatch(/algorithm/);
  });

  it('refuses an HS256 token keyed with a public key string', async () => {
    const refused = await refusal(verify, await hs256(claims(), rsaPublicPem));
    expect(refused.message).toMatch(/signature is invalid/);
  });

  it.each(['', 'garbage', 'a.b', 'a.b.c.d.e', '....', 'x'.repeat(10000)])(
    'refuses malformed input %#',
    async (token) => {
      expect((await refusal(verify, token)).message).toBe('The token is malformed');
    },
  );
});

describe('createTokenVerifier in JWKS mode', () => {
  let server: http.Server;
  let verify: TokenVerifier;
  let rsa: { privateKey: CryptoKey; publicKey: CryptoKey };
  let ec: { privateKey: CryptoKey; publicKey: CryptoKey };
  let intruder: { privateKey: CryptoKey };
  let jwksRequests = 0;

  beforeAll(async () => {
    rsa = await generateKeyPair('RS256');
    ec = await generateKeyPair('ES256');
    intruder = await generateKeyPair('RS256');
    const jwks = JSON.stringify({
      keys: [
        { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
        { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
      ],
    });
    server = http.createServer((request, response) => {
      jwksRequests++;
      if (request.url !== '/.well-known/jwks.json') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    verify = createTokenVerifier({
      secret: null,
      jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('accepts RS256 and ES256 tokens from the published keys', async () => {
    const rsaToken = await sign(claims(), rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    const ecToken = await sign(claims({ sub: 'user-2' }), ec.privateKey, {
      alg: 'ES256',
      kid: 'ec-1',
    });
    await expect(verify(rsaToken)).resolves.toEqual({ userId: 'user-1' });
    await expect(verify(ecToken)).resolves.toEqual({ userId: 'user-2' });
    expect(jwksRequests).toBeGreaterThan(0);
  });

  it('refuses HS256 keyed with the published public key (key confusion)', async () => {
    const publicPem = await exportSPKI(rsa.publicKey);
    const token = await sign(claims(), new TextEncoder().encode(publicPem), {
      alg: 'HS256',
      kid: 'rsa-1',
    });
    expect((await refusal(verify, token)).message).toMatch(/algorithm/);
  });

  it('refuses an HS256 token with the shared-secret setup', async () => {
    expect((await refusal(verify, await hs256(claims()))).message).toMatch(/algorithm/);
  });

  it('refuses a token signed by another key under a published kid', async () => {
    const token = await sign(claims(), intruder.privateKey, { alg: 'RS256', kid: 'rsa-1' });
    expect((await refusal(verify, token)).message).toMatch(/signature is invalid/);
  });

  it('refuses a token whose kid is not published', async () => {
    const token = await sign(claims(), intruder.privateKey, { alg: 'RS256', kid: 'rsa-9' });
    expect((await refusal(verify, token)).message).toMatch(/unknown key/);
  });

  it('still requires exp, issuer and audience', async () => {
    for (const payload of [
      claims({}, ['exp']),
      claims({ iss: 'elsewhere' }),
      claims({ aud: 'other' }),
    ]) {
      await refusal(verify, await sign(payload, rsa.privateKey, { alg: 'RS256', kid: 'rsa-1' }));
    }
  });
});

describe('createTokenVerifier configuration', () => {
  const base = { issuer: ISSUER, audience: AUDIENCE };

  it('refuses both a secret and a JWKS URL, naming the variables', () => {
    expect(() =>
      createTokenVerifier({ ...base, secret: SECRET, jwksUrl: 'https://idp.example/jwks' }),
    ).toThrow(/JWT_SECRET.*JWT_JWKS_URL/);
  });

  it('refuses to run with no key at all', () => {
    expect(() => createTokenVerifier({ ...base, secret: null, jwksUrl: null })).toThrow(
      ConfigError,
    );
  });

  it('refuses a secret shorter than 32 bytes', () => {
    expect(() => createTokenVerifier({ ...base, secret: 'short', jwksUrl: null })).toThrow(
      /at least 32 bytes/,
    );
  });
});

describe('bearerToken', () => {
  const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl';

  it.each([`Bearer ${token}`, `bearer ${token}`, `BEARER  ${token}`, ` Bearer ${token} `])(
    'reads the token from %j',
    (header) => {
      expect(bearerToken(header)).toBe(token);
    },
  );

  it.each([
    undefined,
    '',
    'Bearer',
    'Bearer ',
    token,
    `Basic ${token}`,
    `Bearer ${token} extra`,
    `Bearer ${token},${token}`,
    'Bearer not-a-jwt',
    'Bearer a.b.c.d',
    `Bearer ${'a'.repeat(9000)}.b.c`,
  ])('returns null for %j', (header) => {
    expect(bearerToken(header)).toBeNull();
  });
});
