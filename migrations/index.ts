import { InitialSchema1795951564981 } from './1795951564981-initial-schema';
import { AddRoleAudit1795957250779 } from './1795957250779-add-role-audit';
import { LicenseUsageReportIndex1796000000000 } from './1796000000000-license-usage-report-index';
import { UsageRollups1796100000000 } from './1796100000000-usage-rollups';
import { UsageDailyStale1796200000000 } from './1796200000000-usage-daily-stale';
import { EntitlementLines1796300000000 } from './1796300000000-entitlement-lines';
import { ReportSchedules1796416000000 } from './1796416000000-report-schedules';
import { UsagePartitions1796500000000 } from './1796500000000-usage-partitions';

// Every migration, oldest first. Listed by hand (not globbed) so that jest, the tsc output and a
// packaged build all load exactly the same set. tools/generate-migration.ts writes new ones.
export const MIGRATIONS = [
  InitialSchema1795951564981,
  AddRoleAudit1795957250779,
  LicenseUsageReportIndex1796000000000,
  UsageRollups1796100000000,
  UsageDailyStale1796200000000,
  EntitlementLines1796300000000,
  ReportSchedules1796416000000,
  UsagePartitions1796500000000,
];
