// What the gateway's HTML pages (the playground, the dashboard) share: a Content-Security-Policy
// under which only this server's own files run, the headers the page itself is sent with, and the
// loopback test that decides whether the embedded demo's token may be put into a page.

/**
 * Only this server's own files run: no inline script (settings travel as a JSON data block) and no
 * eval. `styleSources` admits what a page's library writes inline beyond 'self' (a hash).
 */
export function strictPagePolicy(styleSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    ["style-src 'self'", ...styleSources].join(' '),
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers of a page that may carry the demo token: never cached, never sniffed, no referrer. */
export function pageHeaders(policy: string): Record<string, string> {
  return {
    'Content-Security-Policy': policy,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}

/** Every asset URL names its version or content hash, so browsers may keep it. */
export const CACHE_FOR_A_YEAR = 'public, max-age=31536000, immutable';

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A Host header naming this machine's loopback: localhost, 127.0.0.1 or [::1], any port. DNS
 * rebinding: a page of evil.example whose name now points at 127.0.0.1 reaches the server with
 * Host: evil.example, and must not be handed the demo token.
 */
export function isLoopbackHost(host: string | undefined): boolean {
  const match = /^(\[[^\]]*\]|[^:]*)(?::\d+)?$/.exec(host ?? '');
  return match !== null && LOOPBACK_NAMES.has(match[1].toLowerCase());
}

/**
 * JSON for a <script> data block: `<`, `>` and `&` as \u escapes so that no `</script>` or `<!--`
 * can end or bend the element, U+2028/U+2029 escaped for tools that still read it as JavaScript.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
