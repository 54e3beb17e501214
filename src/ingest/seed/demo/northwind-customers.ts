import { SubscriptionKind, SubscriptionStatus } from '../../../db/enums';
import type { DemoCustomer } from './catalog';
import { DEMO_PARTNER_ID, DEMO_STORY } from './story';

// The customers of Northwind Telecom, the demo user's partner: each carries one alert of the
// story (story.ts). Utilisation stays between 70 % and 93 % except where the story wants an
// alert, so that each alert in the demo has one clear cause.

const DI = SubscriptionKind.DEDICATED_INSTANCE;
const MT = SubscriptionKind.MULTI_TENANT;
const { ACTIVE } = SubscriptionStatus;
const { overLicenseLimit, lowAssignment, endsWithin30Days } = DEMO_STORY;
const { staleData, unusedRegion, exhaustionForecast } = DEMO_STORY;
const idleRegion = { licenseType: unusedRegion.licenseType, forDays: unusedRegion.idleForDays };

export const NORTHWIND_CUSTOMERS: readonly DemoCustomer[] = [
  {
    id: overLicenseLimit.customerId,
    partnerId: DEMO_PARTNER_ID,
    name: 'Contoso Pharmaceuticals',
    domain: 'contoso',
    subscriptions: [
      {
        id: overLicenseLimit.subscriptionId,
        kind: DI,
        status: ACTIVE,
        start: -420,
        end: 310,
        entitlements: {
          PROFESSIONAL: [{ quantity: 2400 }],
          STANDARD: [{ quantity: 900 }],
          COMMON_AREA: [{ quantity: 350, toEnd: true }],
          ROOM_SYSTEM: [{ quantity: overLicenseLimit.purchased }],
          SPEECH_VIEW: [{ quantity: 300, toEnd: true }],
        },
        sources: [
          {
            id: overLicenseLimit.sourceId,
            name: 'AMS-1',
            region: 'EMEA',
            site: 'ams1',
            subscribers: 4,
            usage: {
              PROFESSIONAL: [1150, 1290],
              STANDARD: [380, 430],
              COMMON_AREA: [150, 170],
              ROOM_SYSTEM: [44, overLicenseLimit.consumedAbout],
              SPEECH_VIEW: [120, 150],
            },
          },
          {
            id: 'cl-contoso-iad-1',
            name: 'IAD-1',
            region: 'AMER',
            site: 'iad1',
            subscribers: 3,
            usage: {
              PROFESSIONAL: [760, 850],
              STANDARD: [290, 320],
              COMMON_AREA: [110, 128],
              SPEECH_VIEW: [60, 80],
            },
          },
        ],
      },
    ],
  },
  {
    id: unusedRegion.customerId,
    partnerId: DEMO_PARTNER_ID,
    name: 'Fabrikam Logistics',
    domain: 'fabrikam',
    subscriptions: [
      {
        id: 'Sub-104871',
        kind: DI,
        status: ACTIVE,
        start: -600,
        end: 480,
        entitlements: {
          PROFESSIONAL: [{ quantity: 1500 }],
          STANDARD: [{ quantity: 600 }],
          COMMON_AREA: [{ quantity: 400 }],
        },
        sources: [
          {
            id: 'cl-fabrikam-dfw-1',
            name: 'DFW-1',
            region: 'AMER',
            site: 'dfw1',
            subscribers: 3,
            usage: { PROFESSIONAL: [700, 760], STANDARD: [260, 300], COMMON_AREA: [150, 175] },
          },
          {
            id: 'cl-fabrikam-rtm-1',
            name: 'RTM-1',
            region: 'EMEA',
            site: 'rtm1',
            subscribers: 2,
            usage: { PROFESSIONAL: [380, 410], STANDARD: [150, 170], COMMON_AREA: [95, 110] },
          },
          {
            id: 'cl-fabrikam-sin-1',
            name: 'SIN-1',
            region: unusedRegion.region,
            site: 'sin1',
            subscribers: 2,
            usage: { PROFESSIONAL: [150, 120], STANDARD: [60, 45], COMMON_AREA: [40, 40] },
            idle: idleRegion,
          },
        ],
      },
      {
        id: exhaustionForecast.subscriptionId,
        kind: MT,
        status: ACTIVE,
        start: -300,
        end: 430,
        entitlements: {
          BASIC: [{ quantity: 500 }],
          PROFESSIONAL: [{ quantity: exhaustionForecast.purchased }],
          COMMON_AREA: [{ quantity: 60 }],
        },
        sources: [
          {
            id: exhaustionForecast.sourceId,
            name: 'Fabrikam Americas',
            region: 'AMER',
            // PROFESSIONAL grows by about 0.37 a day (with the Asia Pacific tenant's 12): 137 of
            // 150 on the last day, so the forecast reaches 150 in about five weeks.
            usage: {
              BASIC: [300, 380],
              PROFESSIONAL: exhaustionForecast.trend,
              COMMON_AREA: [30, 40],
            },
          },
          {
            id: 't-fabrikam-apjc',
            name: 'Fabrikam Asia Pacific',
            region: unusedRegion.region,
            usage: { BASIC: [40, 30], PROFESSIONAL: [10, 12], COMMON_AREA: [8, 8] },
            idle: idleRegion,
          },
        ],
      },
    ],
  },
  {
    id: staleData.customerId,
    partnerId: DEMO_PARTNER_ID,
    name: 'Tailspin Airlines',
    domain: 'tailspin',
    subscriptions: [
      {
        id: 'Sub-202318',
        kind: MT,
        status: ACTIVE,
        start: -500,
        end: 230,
        entitlements: {
          BASIC: [{ quantity: 1200 }],
          PROFESSIONAL: [{ quantity: 400 }],
          COMMON_AREA: [{ quantity: 150, toEnd: true }],
        },
        sources: [
          {
            id: 't-tailspin-amer',
            name: 'Tailspin Americas',
            region: 'AMER',
            usage: { BASIC: [620, 700], PROFESSIONAL: [210, 240], COMMON_AREA: [70, 82] },
          },
          {
            id: staleData.sourceId,
            name: 'Tailspin Europe',
            region: 'EMEA',
            usage: { BASIC: [300, 340], PROFESSIONAL: [110, 120], COMMON_AREA: [40, 44] },
            silentDays: staleData.silentDays,
          },
        ],
      },
    ],
  },
  {
    id: endsWithin30Days.customerId,
    partnerId: DEMO_PARTNER_ID,
    name: 'Woodgrove Bank',
    domain: 'woodgrove',
    subscriptions: [
      {
        id: endsWithin30Days.subscriptionId,
        kind: DI,
        status: ACTIVE,
        start: -710,
        end: endsWithin30Days.daysLeft,
        entitlements: {
          PROFESSIONAL: [{ quantity: 1800, toEnd: true }],
          STANDARD: [{ quantity: 500, toEnd: true }],
          COMMON_AREA: [{ quantity: 200, toEnd: true }],
          ROOM_SYSTEM: [{ quantity: 40, toEnd: true }],
          SPEECH_VIEW: [{ quantity: 250 }],
        },
        sources: [
          {
            id: 'cl-woodgrove-nyc-1',
            name: 'NYC-1',
            region: 'AMER',
            site: 'nyc1',
            subscribers: 4,
            usage: {
              PROFESSIONAL: [980, 1010],
              STANDARD: [240, 260],
              COMMON_AREA: [90, 95],
              ROOM_SYSTEM: [22, 25],
              SPEECH_VIEW: [150, 160],
            },
          },
          {
            id: 'cl-woodgrove-lhr-1',
            name: 'LHR-1',
            region: 'EMEA',
            site: 'lhr1',
            subscribers: 3,
            usage: {
              PROFESSIONAL: [560, 590],
              STANDARD: [160, 170],
              COMMON_AREA: [70, 72],
              ROOM_SYSTEM: [10, 12],
              SPEECH_VIEW: [60, 65],
            },
          },
        ],
      },
    ],
  },
  {
    id: lowAssignment.customerId,
    partnerId: DEMO_PARTNER_ID,
    name: 'Adventure Works Retail',
    domain: 'adventure-works',
    subscriptions: [
      {
        id: lowAssignment.subscriptionId,
        kind: MT,
        status: ACTIVE,
        start: -240,
        end: 490,
        entitlements: {
          BASIC: [{ quantity: lowAssignment.purchased }],
          PROFESSIONAL: [{ quantity: 400 }],
          COMMON_AREA: [{ quantity: 250 }],
        },
        sources: [
          {
            id: 't-adventure-amer',
            name: 'Adventure Works US',
            region: 'AMER',
            usage: { BASIC: [520, 760], PROFESSIONAL: [230, 290], COMMON_AREA: [150, 170] },
          },
          {
            id: 't-adventure-emea',
            name: 'Adventure Works EU',
            region: 'EMEA',
            usage: { BASIC: [180, 290], PROFESSIONAL: [60, 70], COMMON_AREA: [40, 45] },
          },
        ],
      },
    ],
  },
];
