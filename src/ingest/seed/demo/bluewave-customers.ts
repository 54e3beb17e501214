import { SubscriptionKind, SubscriptionStatus } from '../../../db/enums';
import type { DemoCustomer } from './catalog';
import { DEMO_STORY } from './story';

// The customers of Bluewave Communications: a trial, a subscription ending within 90 days, and a
// true-up (a second entitlement of one license type, bought later).

const DI = SubscriptionKind.DEDICATED_INSTANCE;
const MT = SubscriptionKind.MULTI_TENANT;
const { ACTIVE, TRIAL } = SubscriptionStatus;
const { endsWithin90Days, trial } = DEMO_STORY;

export const BLUEWAVE_CUSTOMERS: readonly DemoCustomer[] = [
  {
    id: trial.customerId,
    partnerId: 'p-bluewave',
    name: 'Wide World Importers',
    domain: 'wideworldimporters',
    subscriptions: [
      {
        id: 'Sub-105377',
        kind: DI,
        status: ACTIVE,
        start: -380,
        end: 350,
        entitlements: {
          PROFESSIONAL: [{ quantity: 900 }],
          STANDARD: [{ quantity: 300 }],
          COMMON_AREA: [{ quantity: 120 }],
          ROOM_SYSTEM: [{ quantity: 20 }],
        },
        sources: [
          {
            id: 'cl-wwi-sea-1',
            name: 'SEA-1',
            region: 'AMER',
            site: 'sea1',
            subscribers: 3,
            usage: {
              PROFESSIONAL: [610, 700],
              STANDARD: [200, 240],
              COMMON_AREA: [80, 95],
              ROOM_SYSTEM: [12, 15],
            },
          },
          {
            id: 'cl-wwi-syd-1',
            name: 'SYD-1',
            region: 'APJC',
            site: 'syd1',
            subscribers: 1,
            usage: { PROFESSIONAL: [90, 110], STANDARD: [30, 35], COMMON_AREA: [10, 12] },
          },
        ],
      },
      {
        id: trial.subscriptionId,
        kind: MT,
        status: TRIAL,
        start: -20,
        end: 40,
        entitlements: {
          BASIC: [{ quantity: 100, toEnd: true }],
          PROFESSIONAL: [{ quantity: 25, toEnd: true }],
        },
        sources: [
          {
            id: 't-wwi-pilot',
            name: 'WWI Branch Pilot',
            region: 'AMER',
            usage: { BASIC: [12, 58], PROFESSIONAL: [4, 17] },
          },
        ],
      },
    ],
  },
  {
    id: endsWithin90Days.customerId,
    partnerId: 'p-bluewave',
    name: 'Litware Financial',
    domain: 'litware',
    subscriptions: [
      {
        id: endsWithin90Days.subscriptionId,
        kind: DI,
        status: ACTIVE,
        start: -650,
        end: endsWithin90Days.daysLeft,
        entitlements: {
          PROFESSIONAL: [{ quantity: 1100, toEnd: true }],
          STANDARD: [{ quantity: 350, toEnd: true }],
          COMMON_AREA: [{ quantity: 150 }],
          SPEECH_VIEW: [{ quantity: 200 }],
        },
        sources: [
          {
            id: 'cl-litware-fra-1',
            name: 'FRA-1',
            region: 'EMEA',
            site: 'fra1',
            subscribers: 3,
            usage: {
              PROFESSIONAL: [600, 640],
              STANDARD: [190, 200],
              COMMON_AREA: [80, 84],
              SPEECH_VIEW: [110, 120],
            },
          },
          {
            id: 'cl-litware-zrh-1',
            name: 'ZRH-1',
            region: 'EMEA',
            site: 'zrh1',
            subscribers: 2,
            usage: {
              PROFESSIONAL: [300, 320],
              STANDARD: [100, 110],
              COMMON_AREA: [40, 44],
              SPEECH_VIEW: [50, 56],
            },
          },
        ],
      },
    ],
  },
  {
    id: 'c-proseware',
    partnerId: 'p-bluewave',
    name: 'Proseware Health',
    domain: 'proseware',
    subscriptions: [
      {
        id: 'Sub-205102',
        kind: MT,
        status: ACTIVE,
        start: -330,
        end: 400,
        entitlements: {
          BASIC: [{ quantity: 800 }],
          // 800 at the start, 200 more bought two months ago as the clinics grew.
          PROFESSIONAL: [
            { quantity: 800, toEnd: true },
            { quantity: 200, toEnd: true, from: -60 },
          ],
          COMMON_AREA: [{ quantity: 180 }],
        },
        sources: [
          {
            id: 't-proseware-amer',
            name: 'Proseware Clinics',
            region: 'AMER',
            usage: { BASIC: [420, 560], PROFESSIONAL: [520, 690], COMMON_AREA: [100, 130] },
          },
          {
            id: 't-proseware-apjc',
            name: 'Proseware Australia',
            region: 'APJC',
            usage: { BASIC: [60, 85], PROFESSIONAL: [120, 150], COMMON_AREA: [25, 30] },
          },
        ],
      },
    ],
  },
];
