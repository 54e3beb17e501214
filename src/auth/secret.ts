import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { JwtConfig } from '../config';

// The HS256 secret of the embedded setup. A fresh checkout runs with no JWT_SECRET, so it makes
// its own once and keeps it under the data directory: tokens printed by `licensegraph token`
// then keep working across restarts. Production sets JWT_SECRET or uses an identity provider.

export const SECRET_FILE_NAME = 'jwt-secret';

/** HS256 with a shorter key can be brute-forced offline from one captured token. */
export const MIN_SECRET_BYTES = 32;

/** JWT_SECRET when set; null in JWKS mode; otherwise the secret kept under dataDir. */
export async function resolveJwtSecret(jwt: JwtConfig, dataDir: string): Promise<string | null> {
  if (jwt.secret !== null) return jwt.secret;
  if (jwt.jwksUrl !== null) return null;
  return readOrCreateSecret(path.join(dataDir, SECRET_FILE_NAME));
}

async function readSecret(file: string): Promise<string | null> {
  let content: string;
  try {
    content = await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const secret = content.trim();
  if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
    throw new Error(
      `${file} holds no usable JWT secret (at least ${MIN_SECRET_BYTES} bytes); delete it to have a new one made`,
    );
  }
  return secret;
}

/**
 * Two processes starting at once on a fresh data directory must end up with the same secret. The
 * new secret is written whole to a private temporary file and then hard-linked to its final name,
 * which fails if the name exists: exactly one writer wins, and no reader ever sees a half-written
 * file. The loser reads the winner's secret.
 */
async function readOrCreateSecret(file: string): Promise<string> {
  const existing = await readSecret(file);
  if (existing !== null) return existing;

  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const secret = randomBytes(48).toString('base64url');
  const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(temporary, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  try {
    await fs.link(temporary, file);
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = await readSecret(file);
    if (winner === null) throw new Error(`${file} vanished while it was being created`);
    return winner;
  } finally {
    await fs.unlink(temporary);
  }
}
