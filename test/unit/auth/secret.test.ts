import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JwtConfig } from '../../../src/config';
import { resolveJwtSecret } from '../../../src/auth/secret';

const embedded: JwtConfig = {
  secret: null,
  jwksUrl: null,
  issuer: 'licensegraph',
  audience: 'licensegraph-api',
};

describe('resolveJwtSecret', () => {
  let root: string;
  let dataDir: string;
  beforeEach(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'lg-secret-'));
    dataDir = path.join(root, 'nested', 'data'); // does not exist yet
  });
  afterEach(() => fs.rm(root, { recursive: true, force: true }));

  it('generates a secret once, keeps it in <dataDir>/jwt-secret with mode 0600, and reuses it', async () => {
    const first = await resolveJwtSecret(embedded, dataDir);
    expect(first).toMatch(/^[A-Za-z0-9_-]{64}$/); // 48 random bytes, base64url

    const file = path.join(dataDir, 'jwt-secret');
    expect((await fs.readFile(file, 'utf8')).trim()).toBe(first);
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600);

    expect(await resolveJwtSecret(embedded, dataDir)).toBe(first);
    expect(await fs.readdir(dataDir)).toEqual(['jwt-secret']);
  });

  it('gives every concurrent first start the same secret and leaves no temporary files', async () => {
    const secrets = await Promise.all(
      Array.from({ length: 12 }, () => resolveJwtSecret(embedded, dataDir)),
    );
    expect(new Set(secrets).size).toBe(1);
    expect((await fs.readFile(path.join(dataDir, 'jwt-secret'), 'utf8')).trim()).toBe(secrets[0]);
    expect(await fs.readdir(dataDir)).toEqual(['jwt-secret']);
  });

  it('makes a different secret for a different data directory', async () => {
    const a = await resolveJwtSecret(embedded, path.join(root, 'a'));
    const b = await resolveJwtSecret(embedded, path.join(root, 'b'));
    expect(a).not.toBe(b);
  });

  it('returns JWT_SECRET when set, and writes nothing', async () => {
    const secret = 'x'.repeat(40);
    expect(await resolveJwtSecret({ ...embedded, secret }, dataDir)).toBe(secret);
    await expect(fs.stat(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('returns null in JWKS mode, and writes nothing', async () => {
    const jwks = { ...embedded, jwksUrl: 'https://idp.example/.well-known/jwks.json' };
    expect(await resolveJwtSecret(jwks, dataDir)).toBeNull();
    await expect(fs.stat(dataDir)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses a kept secret that is too short, naming the file', async () => {
    await fs.mkdir(dataDir, { recursive: true });
    await fs.writeFile(path.join(dataDir, 'jwt-secret'), 'short\n');
    await expect(resolveJwtSecret(embedded, dataDir)).rejects.toThrow(
      `${path.join(dataDir, 'jwt-secret')} holds no usable JWT secret`,
    );
  });
});
