import { useEffect } from 'preact/hooks';
import type { Viewer } from '../app';
import { Empty } from '../components/states';
import { href } from '../router';

// The start page follows from the viewer's roles: a partner admin lands on the partner, a viewer
// of one customer on that customer; anyone with several scopes picks one.

const PARTNER_ANALYTICS = new Set(['PARTNER_FULL_ADMIN', 'PARTNER_READ_ONLY_ADMIN']);

export function Home({ viewer }: { viewer: Viewer }) {
  const partners = new Map<string, string>();
  const customers = new Map<string, string>();
  for (const role of viewer.roles) {
    if (role.role === 'USAGE_COLLECTOR') continue;
    if (role.partner && PARTNER_ANALYTICS.has(role.role))
      partners.set(role.partner.id, role.partner.name);
    if (role.customer) customers.set(role.customer.id, role.customer.name);
  }
  const targets = [
    ...[...partners].map(([id, name]) => ({ to: href(['partners', id]), name, kind: 'Partner' })),
    ...[...customers].map(([id, name]) => ({
      to: href(['customers', id]),
      name,
      kind: 'Customer',
    })),
  ];
  const only = targets.length === 1 ? targets[0].to : null;
  useEffect(() => {
    if (only) window.location.replace(only);
  }, [only]);
  if (targets.length === 0) {
    return (
      <>
        <h1>Nothing to show</h1>
        <Empty>Your roles give you no partner or customer to read.</Empty>
      </>
    );
  }
  return (
    <>
      <h1>Start</h1>
      <nav aria-label="Your partners and customers">
        <ul class="links">
          {targets.map((target) => (
            <li key={target.to}>
              <a href={target.to}>
                {target.kind}: {target.name}
              </a>
            </li>
          ))}
          {customers.size > 1 || partners.size > 0 ? (
            <li>
              <a href={href(['customers'])}>Every customer you can see</a>
            </li>
          ) : null}
        </ul>
      </nav>
    </>
  );
}
