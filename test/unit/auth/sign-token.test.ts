import { randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createTokenVerifier } from '../../../src/auth/jwt';
import { parseTtl, signToken } from '../../../src/auth/sign-token';

const key = {
  secret: randomBytes(48).toString('base64url'),
  issuer: 'licensegraph',
  audience: 'licensegraph-api',
};

describe('signToken', () => {
  it('makes an HS256 token with sub, iat, exp, iss and aud that the verifier accepts', async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await signToken({ userId: 'u-admin' }, key);

    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(claims).toEqual({
      sub: 'u-admin',
      iss: 'licensegraph',
      aud: 'licensegraph-api',
      iat: expect.any(Number),
      exp: expect.any(Number),
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.exp! - claims.iat!).toBe(3600); // the default lifetime is one hour

    const verify = createTokenVerifier({ ...key, jwksUrl: null });
    await expect(verify(token)).resolves.toEqual({ userId: 'u-admin' });
  });

  it('uses the lifetime it is given', async () => {
    const claims = decodeJwt(await signToken({ userId: 'u1', ttl: '7d' }, key));
    expect(claims.exp! - claims.iat!).toBe(7 * 86400);
  });

  it('is refused by a verifier with another secret, issuer or audience', async () => {
    const token = await signToken({ userId: 'u1' }, key);
    for (const other of [
      { ...key, secret: randomBytes(48).toString('base64url') },
      { ...key, issuer: 'other' },
      { ...key, audience: 'other' },
    ]) {
      await expect(createTokenVerifier({ ...other, jwksUrl: null })(token)).rejects.toMatchObject({
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('refuses an empty user id and a bad lifetime before signing', async () => {
    await expect(signToken({ userId: ' ' }, key)).rejects.toThrow(/user id/);
    await expect(signToken({ userId: 'u1', ttl: '1y' }, key)).rejects.toThrow(/"1y"/);
  });
});

describe('parseTtl', () => {
  it.each([
    ['90s', 90],
    ['15m', 900],
    ['1h', 3600],
    ['7d', 604800],
    ['30d', 2592000],
    ['720h', 2592000],
    [' 2h ', 7200],
  ])('reads %j as %d seconds', (ttl, seconds) => {
    expect(parseTtl(ttl)).toBe(seconds);
  });

  it.each([
    '',
    '1',
    'h',
    '0s',
    '0d',
    '31d',
    '721h',
    '-1h',
    '1.5h',
    '1H',
    '1 h',
    '1w',
    '1h30m',
    'P1D',
    '99999999s',
  ])('refuses %j with a message that says what is accepted', (ttl) => {
    expect(() => parseTtl(ttl)).toThrow(
      `Invalid token lifetime "${ttl}": give a whole number with s, m, h or d (for example 90s, 15m, 1h, 7d), more than zero and at most 30d`,
    );
  });
});
