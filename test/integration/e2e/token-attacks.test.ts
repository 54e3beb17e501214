import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT, exportJWK, exportSPKI, generateKeyPair } from 'jose';
import { createTokenVerifier, hmacKey } from '../../../src/auth/jwt';
import { TEST_JWT, startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';
import { useFixtureStack } from './fixture-stack';

// Forged and broken tokens through the gateway, on a stack that trusts a JWKS (RS256, as in
// production) and on one that trusts the shared HS256 secret: each asks for a write that
// u-pfa-north's real token would make, and each is refused as UNAUTHENTICATED with nothing
// written. The last test sends the real token, proving the same request does write.

const WRITE = `mutation { assignRole(input: { userId: "u-none", role: PARTNER_FULL_ADMIN, partnerId: "p-north" }) { id } }`;
const READ = '{ viewer { user { id } } partner(id: "p-north") { id } }';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const claims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'u-pfa-north',
  iss: TEST_JWT.issuer,
  aud: TEST_JWT.audience,
  iat: now(),
  exp: now() + 600,
  ...overrides,
});

async function hs256(payload: Record<string, unknown>, secret: Uint8Array): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secret);
}

/** Same header and signature, another payload: what an attacker gets by editing a real token. */
function tampered(token: string, payload: object): string {
  const [header, , signature] = token.split('.');
  return `${header}.${b64(payload)}.${signature}`;
}

const { db, stack: secretStack } = useFixtureStack();
let jwksStack: TestStack;
let jwksServer: http.Server;
let rsaPrivate: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let publicPem: string;

async function written(): Promise<number[]> {
  const [a] = await db.ds.query('SELECT COUNT(*) AS n FROM role_assignments');
  const [l] = await db.ds.query('SELECT COUNT(*) AS n FROM role_audit_log');
  return [Number(a.n), Number(l.n)];
}

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  rsaPrivate = privateKey;
  publicPem = await exportSPKI(publicKey);
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwksServer = http.createServer((_req, res) => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwksServer.address() as AddressInfo).port}/jwks.json`;
  jwksStack = await startTestStack(db, undefined, {
    verify: createTokenVerifier({ ...TEST_JWT, secret: null, jwksUrl }),
  });
});

afterAll(async () => {
  await jwksStack?.stop();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

const rs256 = (payload: Record<string, unknown>) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).sign(rsaPrivate);

type Forge = () => Promise<string | null>;
const secret = hmacKey(TEST_JWT.secret);

const ATTACKS: Array<[name: string, stack: 'secret' | 'jwks', forge: Forge]> = [
  ['alg none', 'secret', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
  ['alg none (JWKS)', 'jwks', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
  [
    'HS256 keyed with the public key PEM (JWKS)',
    'jwks',
    () => hs256(claims(), new TextEncoder().encode(publicPem)),
  ],
  [
    'HS256 keyed with the public key PEM',
    'secret',
    () => hs256(claims(), new TextEncoder().encode(publicPem)),
  ],
  ['expired', 'secret', () => hs256(claims({ iat: now() - 7200, exp: now() - 3600 }), secret)],
  ['expired (JWKS)', 'jwks', () => rs256(claims({ iat: now() - 7200, exp: now() - 3600 }))],
  ['no exp', 'secret', () => hs256({ ...claims(), exp: undefined }, secret)],
  ['no exp (JWKS)', 'jwks', () => rs256({ ...claims(), exp: undefined })],
  ['wrong aud', 'secret', () => hs256(claims({ aud: 'another-api' }), secret)],
  ['wrong iss', 'secret', () => hs256(claims({ iss: 'https://evil.example' }), secret)],
  ['wrong aud (JWKS)', 'jwks', () => rs256(claims({ aud: 'another-api' }))],
  [
    'tampered payload (a read-only admin made partner full admin)',
    'secret',
    async () => tampered(await hs256(claims({ sub: 'u-pro-north' }), secret), claims()),
  ],
  [
    'tampered payload (JWKS)',
    'jwks',
    async () => tampered(await rs256(claims({ sub: 'u-pro-north' })), claims()),
  ],
  ['signed with another secret', 'secret', () => hs256(claims(), hmacKey('x'.repeat(40)))],
  ['no token', 'secret', async () => null],
  ['no token (JWKS)', 'jwks', async () => null],
];

it.each(ATTACKS)('refuses %s with nothing written', async (_name, which, forge) => {
  const stack = which === 'jwks' ? jwksStack : secretStack;
  const token = await forge();
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const before = await written();
  for (const query of [WRITE, READ]) {
    const { body } = await stack.request(query, {}, headers);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  }
  expect(await written()).toEqual(before);
});

it('lets the real tokens through both stacks, and the write happens', async () => {
  for (const [stack, token] of [
    [jwksStack, await rs256(claims())],
    [secretStack, await hs256(claims(), secret)],
  ] as const) {
    const { body } = await stack.request(READ, {}, { authorization: `Bearer ${token}` });
    expect(body).toEqual({
      data: { viewer: { user: { id: 'u-pfa-north' } }, partner: { id: 'p-north' } },
    });
  }
  const before = await written();
  const { body } = await secretStack.request(
    WRITE,
    {},
    {
      authorization: `Bearer ${await hs256(claims(), secret)}`,
    },
  );
  expect(body.errors).toBeUndefined();
  expect(await written()).toEqual([before[0] + 1, before[1] + 1]);
});
