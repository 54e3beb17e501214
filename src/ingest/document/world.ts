import { SourceType } from '../../db/enums';
import type { LicenseType, SubscriptionKind } from '../../db/enums';
import type { SourceFacts } from '../../db/usage/usage-row';
import type { Existing } from './existing';
import type { ClusterInput, ParsedDocument, SubscriptionInput, TenantInput } from './shape';

// The database as it will be once the document is written: each record as the document gives it,
// else as stored. Denormalised columns are derived here, from the nearest parent down, so that a
// customer moved to another partner in the same document moves everything below it too.

export interface SourceRecord {
  sourceType: SourceType;
  subscriptionId: string;
  name: string;
  region: string;
}

function byId<T extends { id: string }>(records: T[]): Map<string, T> {
  return new Map(records.map((r) => [r.id, r]));
}

export class DocumentWorld {
  readonly partners: Set<string>;
  readonly customers: Map<string, { partnerId: string }>;
  readonly subscriptions: Map<string, SubscriptionInput>;
  readonly clusters: Map<string, ClusterInput>;
  readonly tenants: Map<string, TenantInput>;
  readonly users: Set<string>;

  constructor(
    readonly doc: ParsedDocument,
    readonly existing: Existing,
  ) {
    this.partners = new Set(doc.partners.map((p) => p.id));
    this.customers = byId(doc.customers);
    this.subscriptions = byId(doc.subscriptions);
    this.clusters = byId(doc.clusters);
    this.tenants = byId(doc.tenants);
    this.users = new Set(doc.users.map((u) => u.id));
  }

  hasPartner(id: string): boolean {
    return this.partners.has(id) || this.existing.partners.has(id);
  }

  hasUser(id: string): boolean {
    return this.users.has(id) || this.existing.users.has(id);
  }

  /** The customer's partner, or undefined for an unknown customer. */
  partnerOf(customerId: string): string | undefined {
    return (this.customers.get(customerId) ?? this.existing.customers.get(customerId))?.partnerId;
  }

  subscription(id: string): { customerId: string; kind: SubscriptionKind } | undefined {
    return this.subscriptions.get(id) ?? this.existing.subscriptions.get(id);
  }

  source(id: string): SourceRecord | undefined {
    const cluster = this.clusters.get(id);
    if (cluster) return { ...cluster, sourceType: SourceType.CLUSTER };
    const tenant = this.tenants.get(id);
    if (tenant) return { ...tenant, sourceType: SourceType.TENANT };
    return this.existing.sources.get(id);
  }

  /** What the subscription's rows copy: its customer and that customer's partner. */
  subscriptionOwners(
    subscriptionId: string,
  ): { customerId: string; partnerId: string } | undefined {
    const customerId = this.subscription(subscriptionId)?.customerId;
    const partnerId = customerId === undefined ? undefined : this.partnerOf(customerId);
    return customerId === undefined || partnerId === undefined
      ? undefined
      : { customerId, partnerId };
  }

  /** The columns a source's usage rows copy, or undefined when any link of the chain is unknown. */
  sourceFacts(id: string): SourceFacts | undefined {
    const source = this.source(id);
    const owners = source && this.subscriptionOwners(source.subscriptionId);
    if (!source || !owners) return undefined;
    return {
      id,
      sourceType: source.sourceType,
      subscriptionId: source.subscriptionId,
      customerId: owners.customerId,
      partnerId: owners.partnerId,
      region: source.region,
    };
  }

  /** The license types the subscription is entitled to: its new list when given, else the stored one. */
  entitledTypes(subscriptionId: string): LicenseType[] {
    const given = this.subscriptions.get(subscriptionId)?.entitlements;
    if (given) return given.map((e) => e.licenseType);
    return (this.existing.entitlements.get(subscriptionId) ?? []).map((e) => e.licenseType);
  }
}
