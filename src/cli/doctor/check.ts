// What every check of `licensegraph doctor` shares: its outcome, a time limit, and URLs shown
// without their passwords.

export type CheckStatus = 'ok' | 'fail' | 'skip';

export interface CheckResult {
  /** configuration, database, jwt, redis, smtp, subgraph:<name> */
  name: string;
  status: CheckStatus;
  /** One line for people: what was checked and what answered, never a secret. */
  detail: string;
}

export class CheckTimeout extends Error {}

/** Resolves or rejects like `work`, or rejects with CheckTimeout after `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`no answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** `redis://cache.internal:6379/2`: scheme, user, host, port and path; no password, no query. */
export function showUrl(raw: string): string {
  const url = new URL(raw);
  const user = url.username ? `${decodeURIComponent(url.username)}@` : '';
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.protocol}//${user}${url.host}${path}`;
}

/** The passwords of URLs, to be scrubbed from any message a driver hands back. */
export function passwordOf(raw: string | null): string[] {
  if (raw === null) return [];
  try {
    const password = decodeURIComponent(new URL(raw).password);
    return password ? [password] : [];
  } catch {
    return [];
  }
}

/** The first line of an error, with every secret replaced by ***. */
export function reason(error: unknown, secrets: readonly string[]): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  // Not `instanceof Error`: a driver's error may come from another realm (a test's sandbox).
  const message = (error as { message?: unknown } | null)?.message;
  let text = typeof message === 'string' ? message : String(error);
  // fetch() says only "fetch failed"; the cause says why.
  if (text === 'fetch failed' && cause) text = cause.code ?? cause.message ?? text;
  text = text.split('\n', 1)[0].trim() || 'unknown error';
  for (const secret of secrets) if (secret.length > 0) text = text.split(secret).join('***');
  return text;
}
