import { registerEnumType } from 'type-graphql';
import { RoleAuditAction } from '../db/entities/role-audit-entry.entity';
import { DeliveryStatus } from '../db/schedules/report-delivery.entity';
import { ReportCadence } from '../db/schedules/report-schedule.entity';
import { LicenseType, Role, ServerRole, SubscriptionKind, SubscriptionStatus } from '../db/enums';

// Every enum of the contract, registered once with type-graphql. The stored ones come from
// db/enums so that a value means the same in a row and in the API; the rest exist only here.

export enum Granularity {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

export enum AlertKind {
  OVER_LICENSE_LIMIT = 'OVER_LICENSE_LIMIT',
  LOW_ASSIGNMENT = 'LOW_ASSIGNMENT',
  NEARING_EXPIRATION = 'NEARING_EXPIRATION',
  STALE_DATA = 'STALE_DATA',
  UNUSED_REGION = 'UNUSED_REGION',
  EXHAUSTION_FORECAST = 'EXHAUSTION_FORECAST',
}

export enum AlertSeverity {
  INFO = 'INFO',
  MINOR = 'MINOR',
  MAJOR = 'MAJOR',
  CRITICAL = 'CRITICAL',
}

export enum CustomerOrderField {
  NAME = 'NAME',
  UTILIZATION = 'UTILIZATION',
  RECLAIMABLE = 'RECLAIMABLE',
}

export enum OrderDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

export enum UsageDimension {
  CUSTOMER = 'CUSTOMER',
  SUBSCRIPTION = 'SUBSCRIPTION',
  REGION = 'REGION',
  SOURCE = 'SOURCE',
  LICENSE_TYPE = 'LICENSE_TYPE',
}

export {
  DeliveryStatus,
  LicenseType,
  ReportCadence,
  Role,
  RoleAuditAction,
  ServerRole,
  SubscriptionKind,
  SubscriptionStatus,
};

registerEnumType(LicenseType, { name: 'LicenseType' });
registerEnumType(SubscriptionKind, { name: 'SubscriptionKind' });
registerEnumType(SubscriptionStatus, { name: 'SubscriptionStatus' });
registerEnumType(ServerRole, { name: 'ServerRole' });
registerEnumType(Role, { name: 'Role' });
registerEnumType(Granularity, { name: 'Granularity' });
registerEnumType(AlertKind, { name: 'AlertKind' });
registerEnumType(AlertSeverity, { name: 'AlertSeverity' });
registerEnumType(CustomerOrderField, { name: 'CustomerOrderField' });
registerEnumType(OrderDirection, { name: 'OrderDirection' });
registerEnumType(UsageDimension, { name: 'UsageDimension' });
registerEnumType(RoleAuditAction, { name: 'RoleAuditAction' });
registerEnumType(ReportCadence, { name: 'ReportCadence' });
registerEnumType(DeliveryStatus, { name: 'DeliveryStatus' });
