import {
  LicenseType,
  Role,
  ServerRole,
  SourceType,
  SubscriptionKind,
  SubscriptionStatus,
} from '../../db/enums';
import { addDays } from '../../days';
import type { OrgDocument, SeedPlan, SourceUsagePlan } from './plan';
import { Random } from './prng';
import { seriesSpec } from './usage-series';

// Many customers of one shape: the `small` scale for tests and the `bench` scale (issue 2: 1
// partner, 400 customers, each with a Dedicated Instance subscription of 3 clusters × 2 servers
// and a multi-tenant subscription of 2 tenants, 365 days of usage, 4 license types per source).

export interface UniformShape {
  /** Prefix of every id, so that the scales never collide in one database. */
  name: string;
  customers: number;
  days: number;
  clustersPerCustomer: number;
  serversPerCluster: number;
  tenantsPerCustomer: number;
}

export const SMALL_SHAPE: UniformShape = {
  name: 'small',
  customers: 10,
  days: 30,
  clustersPerCustomer: 1,
  serversPerCluster: 2,
  tenantsPerCustomer: 1,
};

export const BENCH_SHAPE: UniformShape = {
  name: 'bench',
  customers: 400,
  days: 365,
  clustersPerCustomer: 3,
  serversPerCluster: 2,
  tenantsPerCustomer: 2,
};

const REGIONS = ['AMER', 'EMEA', 'APJC'] as const;
const CLUSTER_TYPES = [
  LicenseType.PROFESSIONAL,
  LicenseType.STANDARD,
  LicenseType.COMMON_AREA,
  LicenseType.ROOM_SYSTEM,
];
const TENANT_TYPES = [
  LicenseType.PROFESSIONAL,
  LicenseType.BASIC,
  LicenseType.COMMON_AREA,
  LicenseType.SPEECH_VIEW,
];
export const LICENSE_TYPES_PER_SOURCE = 4;

/** Typical licenses per source of each type; each customer is scaled by its own size. */
const TYPICAL: Record<LicenseType, number> = {
  [LicenseType.PROFESSIONAL]: 400,
  [LicenseType.STANDARD]: 150,
  [LicenseType.BASIC]: 300,
  [LicenseType.COMMON_AREA]: 60,
  [LicenseType.ROOM_SYSTEM]: 12,
  [LicenseType.SPEECH_VIEW]: 40,
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function uniformPlan(shape: UniformShape, today: string): SeedPlan {
  const { name } = shape;
  const partnerId = `p-${name}`;
  const firstDay = addDays(today, 1 - shape.days);
  const document: OrgDocument = {
    partners: [{ id: partnerId, name: `${name[0].toUpperCase()}${name.slice(1)} Partner` }],
    customers: [],
    subscriptions: [],
    clusters: [],
    tenants: [],
    users: [
      {
        id: `u-${name}-partner`,
        email: `admin@${name}-partner.example`,
        displayName: 'Partner admin',
      },
      {
        id: `u-${name}-collector`,
        email: `collector@${name}-partner.example`,
        displayName: 'Usage collector',
      },
    ],
    roleAssignments: [
      { userId: `u-${name}-partner`, role: Role.PARTNER_FULL_ADMIN, partnerId },
      { userId: `u-${name}-collector`, role: Role.USAGE_COLLECTOR, partnerId },
    ],
  };
  const sources: SourceUsagePlan[] = [];

  for (let c = 1; c <= shape.customers; c++) {
    const random = new Random(`${name}/customer/${c}`);
    const customerId = `c-${name}-${pad(c, 4)}`;
    const size = 0.3 + random.next() * 1.7;
    document.customers.push({ id: customerId, partnerId, name: `Customer ${pad(c, 4)}` });

    const subscription = (kind: SubscriptionKind, sourceCount: number, types: LicenseType[]) => {
      const di = kind === SubscriptionKind.DEDICATED_INSTANCE;
      const subscriptionId = `Sub-${name}-${pad(c, 4)}-${di ? 'di' : 'mt'}`;
      const startDate = addDays(firstDay, -random.int(0, 400));
      // Each source uses 70 %–90 % of its share of the purchase by today, 5 %–20 % less at first.
      const usage = types.map((type) => {
        const perSource = Math.max(1, Math.round(TYPICAL[type] * size));
        const last = perSource * (0.7 + random.next() * 0.2);
        return { type, perSource, first: last * (0.8 + random.next() * 0.15), last };
      });
      document.subscriptions.push({
        id: subscriptionId,
        customerId,
        kind,
        status: SubscriptionStatus.ACTIVE,
        startDate,
        endDate: addDays(today, random.int(120, 900)),
        entitlements: usage.map((u) => ({
          licenseType: u.type,
          quantity: u.perSource * sourceCount,
          startDate,
        })),
      });
      const sourceType = di ? SourceType.CLUSTER : SourceType.TENANT;
      for (let s = 1; s <= sourceCount; s++) {
        const region = REGIONS[(c + s) % REGIONS.length];
        const id = `${di ? 'cl' : 't'}-${name}-${pad(c, 4)}-${s}`;
        const sourceName = `${region}-${pad(c, 4)}-${s}`;
        if (di) {
          const servers = Array.from({ length: shape.serversPerCluster }, (_, i) => ({
            hostname: `${i === 0 ? 'cucm-pub' : `cucm-sub${i}`}.${id}.${name}.example.net`,
            role: i === 0 ? ServerRole.PUBLISHER : ServerRole.SUBSCRIBER,
          }));
          document.clusters.push({ id, subscriptionId, name: sourceName, region, servers });
        } else {
          document.tenants.push({ id, subscriptionId, name: sourceName, region });
        }
        sources.push({
          source: { id, sourceType, subscriptionId, customerId, partnerId, region },
          firstDay,
          lastDay: today,
          series: usage.map((u) => seriesSpec(u.type, Math.round(u.first), Math.round(u.last))),
        });
      }
    };
    subscription(SubscriptionKind.DEDICATED_INSTANCE, shape.clustersPerCustomer, CLUSTER_TYPES);
    subscription(SubscriptionKind.MULTI_TENANT, shape.tenantsPerCustomer, TENANT_TYPES);
  }

  return {
    document,
    usageRows: sources.length * LICENSE_TYPES_PER_SOURCE * shape.days,
    sources: () => sources,
  };
}
