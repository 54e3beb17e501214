import type { LicenseType, SubscriptionKind, SubscriptionStatus } from '../../../db/enums';

// The shape of the hand-written demo catalog: enough to read like a partner's real book of
// business, with days relative to the day the demo is seeded for (-30 = thirty days ago).

export type Region = 'AMER' | 'EMEA' | 'APJC';

/** Consumption on the first and on the last reported day; the days between follow the trend. */
export type Trend = readonly [first: number, last: number];

export interface DemoSource {
  id: string;
  name: string;
  region: Region;
  /** Clusters only: the site in server hostnames (cucm-pub.<site>.<domain>) and UCM subscribers. */
  site?: string;
  subscribers?: number;
  usage: Partial<Record<LicenseType, Trend>>;
  /** The source stopped reporting this many days ago (0 or absent: it reported today). */
  silentDays?: number;
  /** One license type went to 0 this many days ago. */
  idle?: { licenseType: LicenseType; forDays: number };
}

/** An entitlement from the subscription's start (or `from`), open-ended unless `toEnd`. */
export interface DemoTerm {
  quantity: number;
  /** Ends with the subscription. */
  toEnd?: boolean;
  /** A later purchase (true-up): starts this many days from today. */
  from?: number;
}

export interface DemoSubscription {
  id: string;
  kind: SubscriptionKind;
  status: SubscriptionStatus;
  start: number;
  end?: number;
  entitlements: Partial<Record<LicenseType, readonly DemoTerm[]>>;
  /** Clusters of a DEDICATED_INSTANCE subscription, tenants of a MULTI_TENANT one. */
  sources: readonly DemoSource[];
}

export interface DemoCustomer {
  id: string;
  partnerId: string;
  name: string;
  /** Second-level name in the customer's hostnames and e-mail addresses. */
  domain: string;
  subscriptions: readonly DemoSubscription[];
}

export interface DemoPartner {
  id: string;
  name: string;
}
