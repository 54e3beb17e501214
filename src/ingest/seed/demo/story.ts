import { LicenseType } from '../../../db/enums';

// The situations the demo data is built to show, one per alert kind and a few more. The catalog
// (customers.ts) takes its story-bearing numbers from here, so tests, the README and the data
// cannot drift apart. Day counts are relative to the `today` the demo is seeded for.

/** The partner full admin of Northwind Telecom: the demo token is printed for this user. */
export const DEMO_USER_ID = 'u-demo-partner';
export const DEMO_PARTNER_ID = 'p-northwind';

/** How many days of usage the demo holds, today included. */
export const DEMO_USAGE_DAYS = 180;

export const DEMO_STORY = {
  overLicenseLimit: {
    customerId: 'c-contoso',
    subscriptionId: 'Sub-104233',
    sourceId: 'cl-contoso-ams-1',
    licenseType: LicenseType.ROOM_SYSTEM,
    purchased: 60,
    consumedAbout: 71,
  },
  lowAssignment: {
    customerId: 'c-adventure',
    subscriptionId: 'Sub-203760',
    licenseType: LicenseType.BASIC,
    purchased: 3000,
  },
  endsWithin30Days: { customerId: 'c-woodgrove', subscriptionId: 'Sub-105092', daysLeft: 21 },
  endsWithin90Days: { customerId: 'c-litware', subscriptionId: 'Sub-105640', daysLeft: 75 },
  staleData: { customerId: 'c-tailspin', sourceId: 't-tailspin-emea', silentDays: 10 },
  unusedRegion: {
    customerId: 'c-fabrikam',
    region: 'APJC',
    licenseType: LicenseType.COMMON_AREA,
    idleForDays: 45,
  },
  exhaustionForecast: {
    customerId: 'c-fabrikam',
    subscriptionId: 'Sub-201544',
    sourceId: 't-fabrikam-amer',
    licenseType: LicenseType.PROFESSIONAL,
    purchased: 150,
    /** First and last day's PROFESSIONAL on the Americas tenant. */
    trend: [60, 125] as const,
  },
  /** Bought and unused over the last 30 days: the low assignment, and the idle region's sources. */
  reclaimable: { customerId: 'c-adventure', licenseType: LicenseType.BASIC },
  neverReported: {
    customerId: 'c-coho',
    subscriptionId: 'Sub-206271',
    licenseType: LicenseType.SPEECH_VIEW,
  },
  trial: { customerId: 'c-wideworld', subscriptionId: 'Sub-204415' },
  expired: { customerId: 'c-alpine', subscriptionId: 'Sub-207034' },
} as const;

/** The story in words, for the README and the seed command's output. */
export const DEMO_STORY_LINES: readonly string[] = [
  'Northwind Telecom (partner of the demo user) has every kind of alert:',
  `- Contoso Pharmaceuticals rolled out room systems at its Amsterdam campus: cluster AMS-1 alone reports about ${DEMO_STORY.overLicenseLimit.consumedAbout} ROOM_SYSTEM licenses against the ${DEMO_STORY.overLicenseLimit.purchased} of Sub-104233 (over the limit).`,
  `- Fabrikam Logistics wound down its Singapore hub: every APJC cluster and tenant has reported 0 COMMON_AREA for ${DEMO_STORY.unusedRegion.idleForDays} days (idle region).`,
  `- Fabrikam's Americas tenant takes on PROFESSIONAL users fast: at its trend the ${DEMO_STORY.exhaustionForecast.purchased} licenses of ${DEMO_STORY.exhaustionForecast.subscriptionId} run out in about five weeks (exhaustion forecast).`,
  `- Tailspin Airlines' Europe tenant stopped reporting ${DEMO_STORY.staleData.silentDays} days ago (stale data).`,
  `- Woodgrove Bank's Dedicated Instance subscription Sub-105092 ends in ${DEMO_STORY.endsWithin30Days.daysLeft} days.`,
  '- Adventure Works Retail bought 3,000 BASIC licenses for a store roll-out that is about a third done (low assignment; about 2,000 reclaimable, Customer.reclaimable).',
  'Other partners:',
  `- Litware Financial (Bluewave Communications): Sub-105640 ends in ${DEMO_STORY.endsWithin90Days.daysLeft} days.`,
  '- Wide World Importers (Bluewave Communications) is piloting Webex Calling on a TRIAL subscription.',
  '- Coho Vineyard & Winery (Meridian Systems Integration) bought SPEECH_VIEW licenses and never used them.',
  '- Alpine Ski House (Kestrel Networks) let its first subscription expire and started a new one a month ago.',
];
