import { useEffect, useState } from 'preact/hooks';

// Hash routes (#/customers/c-contoso/trend?granularity=WEEK): the gateway serves one page at /app,
// and every view, with its filters, has a URL that can be bookmarked, shared and reloaded.

export type Route =
  | { view: 'home' }
  | { view: 'customers' }
  | { view: 'partner'; partnerId: string }
  | { view: 'partner-alerts'; partnerId: string }
  | { view: 'overview'; customerId: string }
  | { view: 'usage'; customerId: string }
  | { view: 'regions'; customerId: string }
  | { view: 'trend'; customerId: string }
  | { view: 'customer-alerts'; customerId: string }
  | { view: 'not-found' };

export interface Location {
  route: Route;
  params: URLSearchParams;
}

const CUSTOMER_VIEWS = {
  '': 'overview',
  usage: 'usage',
  regions: 'regions',
  trend: 'trend',
  alerts: 'customer-alerts',
} as const;

export function parseHash(hash: string): Location {
  const [path, query = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(query);
  const [section, id, sub = ''] = parts;
  if (parts.length === 0) return { route: { view: 'home' }, params };
  if (section === 'customers' && parts.length === 1)
    return { route: { view: 'customers' }, params };
  if (section === 'partners' && id && parts.length <= 3) {
    if (sub === '') return { route: { view: 'partner', partnerId: id }, params };
    if (sub === 'alerts') return { route: { view: 'partner-alerts', partnerId: id }, params };
  }
  if (section === 'customers' && id && parts.length <= 3 && sub in CUSTOMER_VIEWS) {
    const view = CUSTOMER_VIEWS[sub as keyof typeof CUSTOMER_VIEWS];
    return { route: { view, customerId: id }, params };
  }
  return { route: { view: 'not-found' }, params };
}

/** `#/customers/c-1/trend?granularity=WEEK` from its parts; empty parameters are left out. */
export function href(
  path: string[],
  params: Record<string, string | null | undefined> = {},
): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) if (value) query.set(name, value);
  const text = query.toString();
  return `#/${path.map(encodeURIComponent).join('/')}${text ? `?${text}` : ''}`;
}

export function navigate(to: string): void {
  window.location.hash = to;
}

export function useLocation(): Location {
  const [location, setLocation] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setLocation(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return location;
}
