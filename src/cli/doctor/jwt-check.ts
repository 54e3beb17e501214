import fs from 'node:fs';
import path from 'node:path';
import { MIN_SECRET_BYTES, SECRET_FILE_NAME, resolveJwtSecret } from '../../auth/secret';
import type { JwtConfig } from '../../config';
import { showUrl } from './check';
import type { CheckResult } from './check';

// Tokens can be verified: JWT_SECRET is long enough (the configuration refuses a shorter one),
// or the JWKS of JWT_JWKS_URL answers with keys, or the secret the embedded setup keeps under
// DATA_DIR is usable. Never prints the secret, nor its length.

async function checkJwks(url: string, timeoutMs: number): Promise<CheckResult> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) {
    return { name: 'jwt', status: 'fail', detail: `JWKS ${showUrl(url)}: HTTP ${response.status}` };
  }
  const body = (await response.json().catch(() => null)) as { keys?: unknown } | null;
  const keys = Array.isArray(body?.keys) ? body.keys.length : 0;
  if (keys === 0) {
    return { name: 'jwt', status: 'fail', detail: `JWKS ${showUrl(url)}: no keys in the answer` };
  }
  return { name: 'jwt', status: 'ok', detail: `JWKS ${showUrl(url)} answers with ${keys} key(s)` };
}

export async function checkJwt(
  jwt: JwtConfig,
  dataDir: string,
  timeoutMs: number,
): Promise<CheckResult> {
  if (jwt.secret !== null) {
    return {
      name: 'jwt',
      status: 'ok',
      detail: `JWT_SECRET is set (HS256, at least ${MIN_SECRET_BYTES} bytes)`,
    };
  }
  if (jwt.jwksUrl !== null) return checkJwks(jwt.jwksUrl, timeoutMs);
  const file = path.join(dataDir, SECRET_FILE_NAME);
  if (!fs.existsSync(file)) {
    return {
      name: 'jwt',
      status: 'ok',
      detail: `no JWT_SECRET: the first command that needs one makes it in ${file}`,
    };
  }
  // Only reads here (the file exists); throws when it holds no usable secret.
  await resolveJwtSecret(jwt, dataDir);
  return {
    name: 'jwt',
    status: 'ok',
    detail:
      `HS256 secret kept in ${file} (one process only: set JWT_SECRET, the same everywhere, ` +
      'for more)',
  };
}
