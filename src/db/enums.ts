// The enums of the public contract (docs/contract/api.graphql). Their declaration order is
// the contract's order: summaries are sorted by it.

export enum LicenseType {
  PROFESSIONAL = 'PROFESSIONAL',
  STANDARD = 'STANDARD',
  BASIC = 'BASIC',
  COMMON_AREA = 'COMMON_AREA',
  ROOM_SYSTEM = 'ROOM_SYSTEM',
  SPEECH_VIEW = 'SPEECH_VIEW',
}

export enum SubscriptionKind {
  MULTI_TENANT = 'MULTI_TENANT',
  DEDICATED_INSTANCE = 'DEDICATED_INSTANCE',
}

export enum SubscriptionStatus {
  ACTIVE = 'ACTIVE',
  TRIAL = 'TRIAL',
  SUSPENDED = 'SUSPENDED',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
}

export enum ServerRole {
  PUBLISHER = 'PUBLISHER',
  SUBSCRIBER = 'SUBSCRIBER',
  TFTP = 'TFTP',
  IM_PRESENCE = 'IM_PRESENCE',
  UNITY_CONNECTION = 'UNITY_CONNECTION',
  EXPRESSWAY = 'EXPRESSWAY',
  OTHER = 'OTHER',
}

export enum Role {
  PARTNER_FULL_ADMIN = 'PARTNER_FULL_ADMIN',
  PARTNER_READ_ONLY_ADMIN = 'PARTNER_READ_ONLY_ADMIN',
  PARTNER_ADMIN = 'PARTNER_ADMIN',
  FULL_ADMIN = 'FULL_ADMIN',
  READ_ONLY_ADMIN = 'READ_ONLY_ADMIN',
  SUPPORT_ADMIN = 'SUPPORT_ADMIN',
  USAGE_COLLECTOR = 'USAGE_COLLECTOR',
}

/** A usage source is a Dedicated Instance cluster or a multi-tenant tenant. */
export enum SourceType {
  CLUSTER = 'CLUSTER',
  TENANT = 'TENANT',
}

export const LICENSE_TYPES: readonly LicenseType[] = Object.values(LicenseType);
