import { LICENSE_TYPES, ServerRole, SourceType, SubscriptionKind } from '../../../db/enums';
import { addDays } from '../../../days';
import type { OrgDocument, SeedPlan, SourceUsagePlan } from '../plan';
import { seriesSpec, sourceRowCount } from '../usage-series';
import type { DemoCustomer, DemoSource, DemoSubscription } from './catalog';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from './partners';
import { DEMO_ROLE_ASSIGNMENTS, DEMO_USERS } from './people';
import { DEMO_USAGE_DAYS } from './story';

// Turns the hand-written catalog into dated records for one `today`: days become calendar days,
// clusters get the servers of a Dedicated Instance deployment, trends become usage series.

type Entitlements = OrgDocument['subscriptions'][number]['entitlements'];
type Servers = OrgDocument['clusters'][number]['servers'];

/** A Dedicated Instance cluster: the UCM publisher and subscribers, and the servers around them. */
function clusterServers(source: DemoSource, domain: string): Servers {
  const host = (name: string) => `${name}.${source.site ?? source.id}.${domain}.example.net`;
  const subscribers = Array.from({ length: source.subscribers ?? 2 }, (_, i) => ({
    hostname: host(`cucm-sub${i + 1}`),
    role: ServerRole.SUBSCRIBER,
  }));
  return [
    { hostname: host('cucm-pub'), role: ServerRole.PUBLISHER },
    ...subscribers,
    { hostname: host('cucm-tftp1'), role: ServerRole.TFTP },
    { hostname: host('imp1'), role: ServerRole.IM_PRESENCE },
    { hostname: host('cuc1'), role: ServerRole.UNITY_CONNECTION },
    { hostname: host('expc1'), role: ServerRole.EXPRESSWAY },
    { hostname: host('expe1'), role: ServerRole.EXPRESSWAY },
  ];
}

export function demoPlan(today: string): SeedPlan {
  const day = (offset: number) => addDays(today, offset);
  const firstUsageDay = day(1 - DEMO_USAGE_DAYS);
  const document: OrgDocument = {
    partners: DEMO_PARTNERS.map(({ id, name }) => ({ id, name })),
    customers: [],
    subscriptions: [],
    clusters: [],
    tenants: [],
    users: DEMO_USERS,
    roleAssignments: DEMO_ROLE_ASSIGNMENTS,
  };
  const sources: SourceUsagePlan[] = [];

  const entitlements = (subscription: DemoSubscription, endDate?: string): Entitlements =>
    LICENSE_TYPES.flatMap((licenseType) =>
      (subscription.entitlements[licenseType] ?? []).map((term) => ({
        licenseType,
        quantity: term.quantity,
        startDate: day(term.from ?? subscription.start),
        ...(term.toEnd && endDate ? { endDate } : {}),
      })),
    );

  const addSource = (
    customer: DemoCustomer,
    subscription: DemoSubscription,
    source: DemoSource,
  ) => {
    const cluster = subscription.kind === SubscriptionKind.DEDICATED_INSTANCE;
    const { id, name, region } = source;
    if (cluster) {
      const servers = clusterServers(source, customer.domain);
      document.clusters.push({ id, subscriptionId: subscription.id, name, region, servers });
    } else {
      document.tenants.push({ id, subscriptionId: subscription.id, name, region });
    }
    const subscriptionStart = day(subscription.start);
    const idleFrom = source.idle && day(1 - source.idle.forDays);
    sources.push({
      source: {
        id,
        sourceType: cluster ? SourceType.CLUSTER : SourceType.TENANT,
        subscriptionId: subscription.id,
        customerId: customer.id,
        partnerId: customer.partnerId,
        region,
      },
      firstDay: subscriptionStart > firstUsageDay ? subscriptionStart : firstUsageDay,
      lastDay: day(-(source.silentDays ?? 0)),
      series: LICENSE_TYPES.flatMap((licenseType) => {
        const trend = source.usage[licenseType];
        if (!trend) return [];
        const idle = source.idle?.licenseType === licenseType ? idleFrom : undefined;
        return [seriesSpec(licenseType, trend[0], trend[1], idle)];
      }),
    });
  };

  for (const customer of DEMO_CUSTOMERS) {
    document.customers.push({
      id: customer.id,
      partnerId: customer.partnerId,
      name: customer.name,
    });
    for (const subscription of customer.subscriptions) {
      const endDate = subscription.end === undefined ? undefined : day(subscription.end);
      document.subscriptions.push({
        id: subscription.id,
        customerId: customer.id,
        kind: subscription.kind,
        status: subscription.status,
        startDate: day(subscription.start),
        ...(endDate ? { endDate } : {}),
        entitlements: entitlements(subscription, endDate),
      });
      for (const source of subscription.sources) addSource(customer, subscription, source);
    }
  }
  return {
    document,
    usageRows: sources.reduce((sum, plan) => sum + sourceRowCount(plan), 0),
    sources: () => sources,
  };
}
