import { href } from '../router';

// The heading and the tabs of every customer view. The name comes with each view's own request:
// the tabs cost nothing.

const TABS = [
  { sub: '', text: 'Subscriptions' },
  { sub: 'usage', text: 'Usage by source' },
  { sub: 'regions', text: 'Regions' },
  { sub: 'trend', text: 'Trend' },
  { sub: 'alerts', text: 'Alerts' },
] as const;

export type CustomerTab = (typeof TABS)[number]['sub'];

export function CustomerHeader({
  customerId,
  name,
  current,
  partner,
}: {
  customerId: string;
  name: string | undefined;
  current: CustomerTab;
  partner?: { id: string; name: string } | null;
}) {
  return (
    <>
      {partner ? (
        <p class="crumb">
          <a href={href(['partners', partner.id])}>{partner.name}</a> ›
        </p>
      ) : null}
      <h1>{name ?? customerId}</h1>
      <nav aria-label="Customer views" class="tabs">
        {TABS.map((tab) => (
          <a
            key={tab.sub}
            href={href(['customers', customerId, ...(tab.sub ? [tab.sub] : [])])}
            aria-current={tab.sub === current ? 'page' : undefined}
          >
            {tab.text}
          </a>
        ))}
      </nav>
    </>
  );
}
