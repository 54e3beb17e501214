import type {
  LicenseType,
  Role,
  ServerRole,
  SubscriptionKind,
  SubscriptionStatus,
} from '../../db/enums';
import type { SourceFacts } from '../../db/usage/usage-row';

// What a seed scale produces: organisation data as an import-format JSON document (written by the
// importer, so seeding and importing share one validated write path) and, per usage source, how
// its daily usage evolves. Usage is generated from these specs while it is written, never held
// whole in memory.

/** The JSON document of docs/contract/import-format.md, without usage (usage is streamed). */
export interface OrgDocument {
  partners: Array<{ id: string; name: string }>;
  customers: Array<{ id: string; partnerId: string; name: string }>;
  subscriptions: Array<{
    id: string;
    customerId: string;
    kind: SubscriptionKind;
    status: SubscriptionStatus;
    startDate: string;
    endDate?: string;
    entitlements: Array<{
      licenseType: LicenseType;
      quantity: number;
      startDate: string;
      endDate?: string;
    }>;
  }>;
  clusters: Array<{
    id: string;
    subscriptionId: string;
    name: string;
    region: string;
    servers: Array<{ hostname: string; role: ServerRole }>;
  }>;
  tenants: Array<{ id: string; subscriptionId: string; name: string; region: string }>;
  users: Array<{ id: string; email: string; displayName: string }>;
  roleAssignments: Array<{ userId: string; role: Role; partnerId?: string; customerId?: string }>;
}

/** How one license type's daily consumption on one source evolves. */
export interface SeriesSpec {
  licenseType: LicenseType;
  /** Consumed on the source's first reported day; the trend runs straight to `last`. */
  first: number;
  /** Consumed on the source's last reported day (before weekend dip and noise). */
  last: number;
  /** Share of consumption that is not in use on Saturdays and Sundays (0.02 = 2 %). */
  weekendDip: number;
  /** Amplitude of the slow day-to-day wobble, relative to the trend (0.01 = ±1 %). */
  noise: number;
  /** From this day on the source reports 0 (a site that was wound down). */
  idleFrom?: string;
}

export interface SourceUsagePlan {
  source: SourceFacts;
  firstDay: string;
  /** The last day reported; also the day the source's last report was stored. */
  lastDay: string;
  series: SeriesSpec[];
}

export interface SeedPlan {
  document: OrgDocument;
  /** How many usage rows `sources()` yields in all. */
  usageRows: number;
  /** The usage of every source, produced on demand (bench has 2,000 sources × 365 days). */
  sources(): Iterable<SourceUsagePlan>;
}
