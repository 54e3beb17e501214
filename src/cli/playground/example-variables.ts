import { Role } from '../../db/enums';
import { Granularity } from '../../graphql/enums';
import { addDays } from '../../days';
import { DEMO_PARTNER_ID, DEMO_STORY } from '../../ingest/seed/seed';
import { DEMO_SCHEDULE_ID } from '../../ingest/seed/demo/schedule';

// Variables that make each example operation show something in the demo data at once: the ids
// are the demo story's (ingest/seed/demo/story.ts), so the examples point at the customer that is
// over its limit, the idle region and so on. An operation missing here opens with no variables.

export type ExampleVariables = Record<string, unknown>;

const { overLicenseLimit, unusedRegion, endsWithin30Days, exhaustionForecast } = DEMO_STORY;

export function demoExampleVariables(today: string): Record<string, ExampleVariables> {
  return {
    PartnerCustomerSubtree: { partnerId: DEMO_PARTNER_ID, first: 10 },
    SubscriptionOverview: { customerId: overLicenseLimit.customerId },
    DedicatedInstanceUsageDetails: { subscriptionId: overLicenseLimit.subscriptionId },
    UsageTrend: {
      clusterId: overLicenseLimit.sourceId,
      from: addDays(today, -89),
      to: today,
      granularity: Granularity.WEEK,
    },
    RegionUsage: { customerId: unusedRegion.customerId },
    PartnerAlerts: { partnerId: DEMO_PARTNER_ID },
    Forecast: { customerId: exhaustionForecast.customerId },
    Reclaimable: { partnerId: DEMO_PARTNER_ID },
    UsageReport: {
      filter: { partnerId: DEMO_PARTNER_ID, from: addDays(today, -29), to: today },
      groupBy: ['CUSTOMER', 'LICENSE_TYPE'],
      granularity: Granularity.WEEK,
    },
    IngestUsage: {
      records: [
        {
          sourceId: overLicenseLimit.sourceId,
          licenseType: overLicenseLimit.licenseType,
          date: today,
          consumed: overLicenseLimit.consumedAbout,
        },
      ],
    },
    AssignRole: {
      input: {
        // The demo's account manager takes on one more of Northwind's customers.
        userId: 'u-demo-account-manager',
        role: Role.PARTNER_ADMIN,
        customerId: endsWithin30Days.customerId,
      },
    },
    // Assignment ids are made on import: the user copies one from the Viewer example's answer.
    RevokeRole: { id: '' },
    ReportSchedules: { customerId: overLicenseLimit.customerId },
    CreateReportSchedule: {
      input: {
        name: 'Northwind monthly by customer',
        partnerId: DEMO_PARTNER_ID,
        groupBy: ['CUSTOMER', 'LICENSE_TYPE'],
        granularity: Granularity.MONTH,
        cadence: 'MONTHLY',
        recipientIds: ['u-demo-partner', 'u-demo-partner-viewer'],
      },
    },
    RunReportSchedule: { id: DEMO_SCHEDULE_ID },
    DeleteReportSchedule: { id: DEMO_SCHEDULE_ID },
  };
}
