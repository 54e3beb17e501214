import { Customer } from './customer.entity';
import { Entitlement } from './entitlement.entity';
import { LicenseUsage } from './license-usage.entity';
import { Partner } from './partner.entity';
import { RoleAssignment } from './role-assignment.entity';
import { RoleAuditEntry } from './role-audit-entry.entity';
import { Server } from './server.entity';
import { Subscription } from './subscription.entity';
import { Cluster, Tenant, UsageSource } from './usage-source.entity';
import { User } from './user.entity';
import { UsageBucketLast } from '../rollups/usage-bucket-last.entity';
import { UsageDailyStale } from '../rollups/usage-daily-stale.entity';
import { UsageDailyTotal } from '../rollups/usage-daily-total.entity';
import { ReportDelivery } from '../schedules/report-delivery.entity';
import { ReportRecipient } from '../schedules/report-recipient.entity';
import { ReportSchedule } from '../schedules/report-schedule.entity';

export {
  Customer,
  Entitlement,
  LicenseUsage,
  Partner,
  RoleAssignment,
  RoleAuditEntry,
  Server,
  Subscription,
  Cluster,
  Tenant,
  UsageSource,
  User,
  UsageBucketLast,
  UsageDailyTotal,
  UsageDailyStale,
  ReportSchedule,
  ReportRecipient,
  ReportDelivery,
};

export const ENTITIES = [
  Partner,
  Customer,
  Subscription,
  Entitlement,
  UsageSource,
  Cluster,
  Tenant,
  Server,
  LicenseUsage,
  User,
  RoleAssignment,
  RoleAuditEntry,
  UsageDailyTotal,
  UsageDailyStale,
  UsageBucketLast,
  ReportSchedule,
  ReportRecipient,
  ReportDelivery,
];
