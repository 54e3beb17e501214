import { SubscriptionKind, SubscriptionStatus } from '../../../db/enums';
import type { DemoCustomer } from './catalog';
import { DEMO_STORY } from './story';

// The customers of Meridian Systems Integration and Kestrel Networks: APJC-heavy books, a license
// type bought and never used, and an expired subscription followed by a new one.

const DI = SubscriptionKind.DEDICATED_INSTANCE;
const MT = SubscriptionKind.MULTI_TENANT;
const { ACTIVE, EXPIRED } = SubscriptionStatus;
const { neverReported, expired } = DEMO_STORY;

export const MERIDIAN_AND_KESTREL_CUSTOMERS: readonly DemoCustomer[] = [
  {
    id: 'c-lucerne',
    partnerId: 'p-meridian',
    name: 'Lucerne Publishing',
    domain: 'lucernepublishing',
    subscriptions: [
      {
        id: 'Sub-105918',
        kind: DI,
        status: ACTIVE,
        start: -520,
        end: 580,
        entitlements: {
          PROFESSIONAL: [{ quantity: 1300 }],
          STANDARD: [{ quantity: 400 }],
          COMMON_AREA: [{ quantity: 160 }],
          ROOM_SYSTEM: [{ quantity: 30 }],
          SPEECH_VIEW: [{ quantity: 150, toEnd: true }],
        },
        sources: [
          {
            id: 'cl-lucerne-syd-1',
            name: 'SYD-1',
            region: 'APJC',
            site: 'syd1',
            subscribers: 3,
            usage: {
              PROFESSIONAL: [560, 610],
              STANDARD: [170, 180],
              COMMON_AREA: [70, 72],
              ROOM_SYSTEM: [12, 14],
              SPEECH_VIEW: [60, 64],
            },
          },
          {
            id: 'cl-lucerne-nrt-1',
            name: 'NRT-1',
            region: 'APJC',
            site: 'nrt1',
            subscribers: 2,
            usage: {
              PROFESSIONAL: [380, 420],
              STANDARD: [120, 130],
              COMMON_AREA: [45, 50],
              ROOM_SYSTEM: [8, 9],
              SPEECH_VIEW: [40, 44],
            },
          },
          {
            id: 'cl-lucerne-sjc-1',
            name: 'SJC-1',
            region: 'AMER',
            site: 'sjc1',
            subscribers: 1,
            usage: { PROFESSIONAL: [100, 130], STANDARD: [40, 45], COMMON_AREA: [15, 18] },
          },
        ],
      },
    ],
  },
  {
    id: neverReported.customerId,
    partnerId: 'p-meridian',
    name: 'Coho Vineyard & Winery',
    domain: 'cohovineyard',
    subscriptions: [
      {
        id: neverReported.subscriptionId,
        kind: MT,
        status: ACTIVE,
        start: -200,
        end: 530,
        entitlements: {
          BASIC: [{ quantity: 150 }],
          PROFESSIONAL: [{ quantity: 60 }],
          COMMON_AREA: [{ quantity: 30 }],
          [neverReported.licenseType]: [{ quantity: 50, toEnd: true }],
        },
        sources: [
          {
            id: 't-coho-amer',
            name: 'Coho Napa',
            region: 'AMER',
            usage: { BASIC: [95, 118], PROFESSIONAL: [40, 48], COMMON_AREA: [18, 22] },
          },
          {
            id: 't-coho-emea',
            name: 'Coho Bordeaux',
            region: 'EMEA',
            usage: { BASIC: [10, 14], PROFESSIONAL: [4, 5], COMMON_AREA: [2, 3] },
          },
        ],
      },
    ],
  },
  {
    id: expired.customerId,
    partnerId: 'p-kestrel',
    name: 'Alpine Ski House',
    domain: 'alpineskihouse',
    subscriptions: [
      {
        // Its tenant moved to the new subscription below when this one ran out.
        id: expired.subscriptionId,
        kind: MT,
        status: EXPIRED,
        start: -400,
        end: -35,
        entitlements: {
          BASIC: [{ quantity: 200, toEnd: true }],
          PROFESSIONAL: [{ quantity: 40, toEnd: true }],
        },
        sources: [],
      },
      {
        id: 'Sub-207035',
        kind: MT,
        status: ACTIVE,
        start: -34,
        end: 700,
        entitlements: {
          BASIC: [{ quantity: 250 }],
          PROFESSIONAL: [{ quantity: 50 }],
          COMMON_AREA: [{ quantity: 20 }],
        },
        sources: [
          {
            id: 't-alpine-emea',
            name: 'Alpine Ski House Zermatt',
            region: 'EMEA',
            usage: { BASIC: [150, 205], PROFESSIONAL: [30, 41], COMMON_AREA: [12, 15] },
          },
        ],
      },
    ],
  },
  {
    id: 'c-trey',
    partnerId: 'p-kestrel',
    name: 'Trey Research',
    domain: 'treyresearch',
    subscriptions: [
      {
        id: 'Sub-106485',
        kind: DI,
        status: ACTIVE,
        start: -450,
        end: 620,
        entitlements: {
          PROFESSIONAL: [{ quantity: 700 }],
          STANDARD: [{ quantity: 250 }],
          COMMON_AREA: [{ quantity: 90 }],
          ROOM_SYSTEM: [{ quantity: 25 }],
        },
        sources: [
          {
            id: 'cl-trey-bom-1',
            name: 'BOM-1',
            region: 'APJC',
            site: 'bom1',
            subscribers: 2,
            usage: {
              PROFESSIONAL: [300, 340],
              STANDARD: [110, 120],
              COMMON_AREA: [35, 40],
              ROOM_SYSTEM: [9, 11],
            },
          },
          {
            id: 'cl-trey-ord-1',
            name: 'ORD-1',
            region: 'AMER',
            site: 'ord1',
            subscribers: 2,
            usage: {
              PROFESSIONAL: [220, 260],
              STANDARD: [80, 90],
              COMMON_AREA: [30, 35],
              ROOM_SYSTEM: [6, 8],
            },
          },
        ],
      },
    ],
  },
];
