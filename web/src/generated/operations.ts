/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type AlertKind =
  | 'EXHAUSTION_FORECAST'
  | 'LOW_ASSIGNMENT'
  | 'NEARING_EXPIRATION'
  | 'OVER_LICENSE_LIMIT'
  | 'STALE_DATA'
  | 'UNUSED_REGION';

export type AlertSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'MAJOR'
  | 'MINOR';

export type CustomerFilter = {
  nameContains?: string | null | undefined;
  /** Customers with at least one cluster or tenant in these regions */
  regions?: Array<string> | null | undefined;
  subscriptionKinds?: Array<SubscriptionKind> | null | undefined;
};

export type CustomerOrder = {
  direction?: OrderDirection;
  field: CustomerOrderField;
};

export type CustomerOrderField =
  | 'NAME'
  | 'RECLAIMABLE'
  | 'UTILIZATION';

export type Granularity =
  | 'DAY'
  | 'MONTH'
  | 'WEEK';

export type LicenseType =
  | 'BASIC'
  | 'COMMON_AREA'
  | 'PROFESSIONAL'
  | 'ROOM_SYSTEM'
  | 'SPEECH_VIEW'
  | 'STANDARD';

export type OrderDirection =
  | 'ASC'
  | 'DESC';

export type Role =
  | 'FULL_ADMIN'
  | 'PARTNER_ADMIN'
  | 'PARTNER_FULL_ADMIN'
  | 'PARTNER_READ_ONLY_ADMIN'
  | 'READ_ONLY_ADMIN'
  | 'SUPPORT_ADMIN'
  | 'USAGE_COLLECTOR';

export type ServerRole =
  | 'EXPRESSWAY'
  | 'IM_PRESENCE'
  | 'OTHER'
  | 'PUBLISHER'
  | 'SUBSCRIBER'
  | 'TFTP'
  | 'UNITY_CONNECTION';

export type SubscriptionKind =
  | 'DEDICATED_INSTANCE'
  | 'MULTI_TENANT';

export type SubscriptionStatus =
  | 'ACTIVE'
  | 'CANCELLED'
  | 'EXPIRED'
  | 'SUSPENDED'
  | 'TRIAL';

export type AlertFieldsFragment = { kind: AlertKind, severity: AlertSeverity, message: string, detectedOn: string, actionDue: string | null, region: string | null, licenseType: LicenseType | null, consumed: number | null, purchased: number | null, customer: { id: string, name: string }, subscription: { id: string } | null, source:
    | { id: string, name: string }
    | { id: string, name: string }
   | null };

export type CustomerAlertsQueryVariables = Exact<{
  customerId: string | number;
  minSeverity?: AlertSeverity | null | undefined;
}>;


export type CustomerAlertsQuery = { customer: { id: string, name: string, alerts: Array<{ kind: AlertKind, severity: AlertSeverity, message: string, detectedOn: string, actionDue: string | null, region: string | null, licenseType: LicenseType | null, consumed: number | null, purchased: number | null, customer: { id: string, name: string }, subscription: { id: string } | null, source:
        | { id: string, name: string }
        | { id: string, name: string }
       | null }> | null } | null };

export type CustomerOverviewQueryVariables = Exact<{
  customerId: string | number;
}>;


export type CustomerOverviewQuery = { customer: { id: string, name: string, partner: { id: string, name: string }, licenseSummary: Array<{ licenseType: LicenseType, purchased: number, consumed: number, available: number, utilization: number | null, asOf: string, oldestReportOn: string | null }> | null, reclaimable: Array<{ licenseType: LicenseType, purchased: number, peak: number, reclaimable: number, windowDays: number, asOf: string, idleSources: Array<
        | { id: string, name: string, region: string }
        | { id: string, name: string, region: string }
      > }> | null, subscriptions: Array<{ id: string, kind: SubscriptionKind, status: SubscriptionStatus, startDate: string, endDate: string | null, licenseSummary: Array<{ licenseType: LicenseType, purchased: number, consumed: number, available: number, utilization: number | null, asOf: string, oldestReportOn: string | null }>, clusters: Array<{ id: string }>, tenants: Array<{ id: string }> }> } | null };

export type CustomerRegionsQueryVariables = Exact<{
  customerId: string | number;
}>;


export type CustomerRegionsQuery = { customer: { id: string, name: string, regionUsage: Array<{ region: string, licenseType: LicenseType, consumed: number, sources: number, idleSources: number, shareOfCustomer: number | null }> | null } | null };

export type CustomerRowFragment = { id: string, name: string, licenseSummary: Array<{ licenseType: LicenseType, purchased: number, consumed: number, asOf: string, oldestReportOn: string | null }> | null, alerts: Array<{ kind: AlertKind, severity: AlertSeverity }> | null, reclaimable: Array<{ licenseType: LicenseType, reclaimable: number }> | null };

export type DashboardViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardViewerQuery = { viewer: { user: { id: string, email: string, displayName: string }, roles: Array<{ id: string, role: Role, partner: { id: string, name: string } | null, customer: { id: string, name: string } | null }> } };

export type PartnerAlertListQueryVariables = Exact<{
  partnerId: string | number;
  minSeverity?: AlertSeverity | null | undefined;
}>;


export type PartnerAlertListQuery = { partner: { id: string, name: string, alerts: Array<{ kind: AlertKind, severity: AlertSeverity, message: string, detectedOn: string, actionDue: string | null, region: string | null, licenseType: LicenseType | null, consumed: number | null, purchased: number | null, customer: { id: string, name: string }, subscription: { id: string } | null, source:
        | { id: string, name: string }
        | { id: string, name: string }
       | null }> | null } | null };

export type PartnerCustomersQueryVariables = Exact<{
  partnerId: string | number;
  first: number;
  after?: string | null | undefined;
  filter?: CustomerFilter | null | undefined;
  orderBy?: CustomerOrder | null | undefined;
}>;


export type PartnerCustomersQuery = { partner: { id: string, name: string, licenseSummary: Array<{ licenseType: LicenseType, purchased: number, consumed: number, available: number, utilization: number | null, asOf: string, oldestReportOn: string | null }> | null, customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, licenseSummary: Array<{ licenseType: LicenseType, purchased: number, consumed: number, asOf: string, oldestReportOn: string | null }> | null, alerts: Array<{ kind: AlertKind, severity: AlertSeverity }> | null, reclaimable: Array<{ licenseType: LicenseType, reclaimable: number }> | null }> } } | null };

export type SourceUsageQueryVariables = Exact<{
  customerId: string | number;
}>;


export type SourceUsageQuery = { customer: { id: string, name: string, subscriptions: Array<{ id: string, kind: SubscriptionKind, status: SubscriptionStatus, clusters: Array<{ id: string, name: string, region: string, lastReportedAt: string | null, servers: Array<{ hostname: string, role: ServerRole }>, currentUsage: Array<{ licenseType: LicenseType, consumed: number, reportedOn: string }> | null }>, tenants: Array<{ id: string, name: string, region: string, lastReportedAt: string | null, currentUsage: Array<{ licenseType: LicenseType, consumed: number, reportedOn: string }> | null }> }> } | null };

export type TrendSourcesQueryVariables = Exact<{
  customerId: string | number;
}>;


export type TrendSourcesQuery = { customer: { id: string, name: string, subscriptions: Array<{ id: string, kind: SubscriptionKind, status: SubscriptionStatus, clusters: Array<{ id: string, name: string, region: string }>, tenants: Array<{ id: string, name: string, region: string }> }> } | null };

export type UsageTrendSeriesQueryVariables = Exact<{
  subscriptionId: string | number;
  from: string;
  to: string;
  granularity: Granularity;
  sourceId: string | number;
  isCluster: boolean;
  isTenant: boolean;
  isSource: boolean;
}>;


export type UsageTrendSeriesQuery = { usageReport: { generatedAt: string, rows: Array<{ period: string, licenseType: LicenseType | null, consumed: number, peak: number, purchased: number | null }> }, subscription?: { id: string, forecast: Array<{ licenseType: LicenseType, purchased: number, consumed: number, dailyTrend: number, exhaustionDate: string | null, earliest: string | null, latest: string | null, historyDays: number, asOf: string }> | null } | null, cluster?: { id: string, name: string, usage: Array<{ period: string, licenseType: LicenseType, consumed: number, peak: number, reportedDays: number }> | null } | null, tenant?: { id: string, name: string, usage: Array<{ period: string, licenseType: LicenseType, consumed: number, peak: number, reportedDays: number }> | null } | null };

export type SeriesPointFragment = { period: string, licenseType: LicenseType, consumed: number, peak: number, reportedDays: number };

export type VisibleCustomersQueryVariables = Exact<{
  first: number;
  after?: string | null | undefined;
  filter?: CustomerFilter | null | undefined;
  orderBy?: CustomerOrder | null | undefined;
}>;


export type VisibleCustomersQuery = { customers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, licenseSummary: Array<{ licenseType: LicenseType, purchased: number, consumed: number, asOf: string, oldestReportOn: string | null }> | null, alerts: Array<{ kind: AlertKind, severity: AlertSeverity }> | null, reclaimable: Array<{ licenseType: LicenseType, reclaimable: number }> | null }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const AlertFieldsFragmentDoc = new TypedDocumentString(`
    fragment AlertFields on LicenseAlert {
  kind
  severity
  message
  detectedOn
  actionDue
  region
  licenseType
  consumed
  purchased
  customer {
    id
    name
  }
  subscription {
    id
  }
  source {
    id
    name
  }
}
    `, {"fragmentName":"AlertFields"}) as unknown as TypedDocumentString<AlertFieldsFragment, unknown>;
export const CustomerRowFragmentDoc = new TypedDocumentString(`
    fragment CustomerRow on Customer {
  id
  name
  licenseSummary {
    licenseType
    purchased
    consumed
    asOf
    oldestReportOn
  }
  alerts {
    kind
    severity
  }
  reclaimable {
    licenseType
    reclaimable
  }
}
    `, {"fragmentName":"CustomerRow"}) as unknown as TypedDocumentString<CustomerRowFragment, unknown>;
export const SeriesPointFragmentDoc = new TypedDocumentString(`
    fragment SeriesPoint on UsagePoint {
  period
  licenseType
  consumed
  peak
  reportedDays
}
    `, {"fragmentName":"SeriesPoint"}) as unknown as TypedDocumentString<SeriesPointFragment, unknown>;
export const CustomerAlertsDocument = new TypedDocumentString(`
    query CustomerAlerts($customerId: ID!, $minSeverity: AlertSeverity) {
  customer(id: $customerId) {
    id
    name
    alerts(minSeverity: $minSeverity) {
      ...AlertFields
    }
  }
}
    fragment AlertFields on LicenseAlert {
  kind
  severity
  message
  detectedOn
  actionDue
  region
  licenseType
  consumed
  purchased
  customer {
    id
    name
  }
  subscription {
    id
  }
  source {
    id
    name
  }
}`) as unknown as TypedDocumentString<CustomerAlertsQuery, CustomerAlertsQueryVariables>;
export const CustomerOverviewDocument = new TypedDocumentString(`
    query CustomerOverview($customerId: ID!) {
  customer(id: $customerId) {
    id
    name
    partner {
      id
      name
    }
    licenseSummary {
      licenseType
      purchased
      consumed
      available
      utilization
      asOf
      oldestReportOn
    }
    reclaimable {
      licenseType
      purchased
      peak
      reclaimable
      windowDays
      asOf
      idleSources {
        id
        name
        region
      }
    }
    subscriptions {
      id
      kind
      status
      startDate
      endDate
      licenseSummary {
        licenseType
        purchased
        consumed
        available
        utilization
        asOf
        oldestReportOn
      }
      clusters {
        id
      }
      tenants {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerOverviewQuery, CustomerOverviewQueryVariables>;
export const CustomerRegionsDocument = new TypedDocumentString(`
    query CustomerRegions($customerId: ID!) {
  customer(id: $customerId) {
    id
    name
    regionUsage {
      region
      licenseType
      consumed
      sources
      idleSources
      shareOfCustomer
    }
  }
}
    `) as unknown as TypedDocumentString<CustomerRegionsQuery, CustomerRegionsQueryVariables>;
export const DashboardViewerDocument = new TypedDocumentString(`
    query DashboardViewer {
  viewer {
    user {
      id
      email
      displayName
    }
    roles {
      id
      role
      partner {
        id
        name
      }
      customer {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardViewerQuery, DashboardViewerQueryVariables>;
export const PartnerAlertListDocument = new TypedDocumentString(`
    query PartnerAlertList($partnerId: ID!, $minSeverity: AlertSeverity) {
  partner(id: $partnerId) {
    id
    name
    alerts(minSeverity: $minSeverity) {
      ...AlertFields
    }
  }
}
    fragment AlertFields on LicenseAlert {
  kind
  severity
  message
  detectedOn
  actionDue
  region
  licenseType
  consumed
  purchased
  customer {
    id
    name
  }
  subscription {
    id
  }
  source {
    id
    name
  }
}`) as unknown as TypedDocumentString<PartnerAlertListQuery, PartnerAlertListQueryVariables>;
export const PartnerCustomersDocument = new TypedDocumentString(`
    query PartnerCustomers($partnerId: ID!, $first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  partner(id: $partnerId) {
    id
    name
    licenseSummary {
      licenseType
      purchased
      consumed
      available
      utilization
      asOf
      oldestReportOn
    }
    customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...CustomerRow
      }
    }
  }
}
    fragment CustomerRow on Customer {
  id
  name
  licenseSummary {
    licenseType
    purchased
    consumed
    asOf
    oldestReportOn
  }
  alerts {
    kind
    severity
  }
  reclaimable {
    licenseType
    reclaimable
  }
}`) as unknown as TypedDocumentString<PartnerCustomersQuery, PartnerCustomersQueryVariables>;
export const SourceUsageDocument = new TypedDocumentString(`
    query SourceUsage($customerId: ID!) {
  customer(id: $customerId) {
    id
    name
    subscriptions {
      id
      kind
      status
      clusters {
        id
        name
        region
        servers {
          hostname
          role
        }
        currentUsage {
          licenseType
          consumed
          reportedOn
        }
        lastReportedAt
      }
      tenants {
        id
        name
        region
        currentUsage {
          licenseType
          consumed
          reportedOn
        }
        lastReportedAt
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SourceUsageQuery, SourceUsageQueryVariables>;
export const TrendSourcesDocument = new TypedDocumentString(`
    query TrendSources($customerId: ID!) {
  customer(id: $customerId) {
    id
    name
    subscriptions {
      id
      kind
      status
      clusters {
        id
        name
        region
      }
      tenants {
        id
        name
        region
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TrendSourcesQuery, TrendSourcesQueryVariables>;
export const UsageTrendSeriesDocument = new TypedDocumentString(`
    query UsageTrendSeries($subscriptionId: ID!, $from: Date!, $to: Date!, $granularity: Granularity!, $sourceId: ID!, $isCluster: Boolean!, $isTenant: Boolean!, $isSource: Boolean!) {
  usageReport(
    filter: {subscriptionIds: [$subscriptionId], from: $from, to: $to}
    groupBy: [SUBSCRIPTION, LICENSE_TYPE]
    granularity: $granularity
  ) {
    generatedAt
    rows {
      period
      licenseType
      consumed
      peak
      purchased
    }
  }
  subscription(id: $subscriptionId) @skip(if: $isSource) {
    id
    forecast(asOf: $to) {
      licenseType
      purchased
      consumed
      dailyTrend
      exhaustionDate
      earliest
      latest
      historyDays
      asOf
    }
  }
  cluster(id: $sourceId) @include(if: $isCluster) {
    id
    name
    usage(from: $from, to: $to, granularity: $granularity) {
      ...SeriesPoint
    }
  }
  tenant(id: $sourceId) @include(if: $isTenant) {
    id
    name
    usage(from: $from, to: $to, granularity: $granularity) {
      ...SeriesPoint
    }
  }
}
    fragment SeriesPoint on UsagePoint {
  period
  licenseType
  consumed
  peak
  reportedDays
}`) as unknown as TypedDocumentString<UsageTrendSeriesQuery, UsageTrendSeriesQueryVariables>;
export const VisibleCustomersDocument = new TypedDocumentString(`
    query VisibleCustomers($first: Int!, $after: String, $filter: CustomerFilter, $orderBy: CustomerOrder) {
  customers(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      ...CustomerRow
    }
  }
}
    fragment CustomerRow on Customer {
  id
  name
  licenseSummary {
    licenseType
    purchased
    consumed
    asOf
    oldestReportOn
  }
  alerts {
    kind
    severity
  }
  reclaimable {
    licenseType
    reclaimable
  }
}`) as unknown as TypedDocumentString<VisibleCustomersQuery, VisibleCustomersQueryVariables>;