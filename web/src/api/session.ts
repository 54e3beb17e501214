// The signed-in token lives in sessionStorage only: it goes when the tab closes, is never written
// to localStorage or a cookie, and is sent only as the Authorization header of this origin.

const KEY = 'licensegraph.dashboard.token';

export function storedToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function storeToken(token: string): void {
  sessionStorage.setItem(KEY, token.trim().replace(/^Bearer\s+/i, ''));
}

export function forgetToken(): void {
  sessionStorage.removeItem(KEY);
}
