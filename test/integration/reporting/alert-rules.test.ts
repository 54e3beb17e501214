import { usageSubgraph } from '../../../src/subgraphs/usage';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { StatementCounter } from '../../support/statement-counter';
import { loadConfig } from '../../../src/config';
import { TEST_SETTINGS, runAs } from '../../support/subgraph';
import { ALERT_ADMIN, ALERT_AS_OF, ALERT_PARTNER, day, loadAlertFixture } from './alert-fixture';
import type { AlertCase } from './alert-fixture';

// Every alert kind and every step of the severity table (README, Alerts) on a fixture built for
// it: each case is a customer of its own whose alerts of one kind are exactly the expected ones.

const CASES: Array<AlertCase & { kind: string; expected: Array<Record<string, unknown>> }> = [
  over('over-105', { PROFESSIONAL: 100 }, { PROFESSIONAL: 105 }, 'MAJOR', 30),
  over('over-110', { PROFESSIONAL: 100 }, { PROFESSIONAL: 110 }, 'MAJOR', 30),
  over('over-111', { PROFESSIONAL: 100 }, { PROFESSIONAL: 111 }, 'CRITICAL', 7),
  over('over-unpurchased', { STANDARD: 0 }, { STANDARD: 5 }, 'CRITICAL', 7),
  {
    ...over('over-at-limit', { PROFESSIONAL: 100 }, { PROFESSIONAL: 100 }, 'MAJOR', 0),
    expected: [],
  },
  {
    ...over('over-expired', { PROFESSIONAL: 100 }, { PROFESSIONAL: 150 }, 'MAJOR', 0),
    status: 'EXPIRED',
    expected: [],
  },
  {
    ...over('over-trial', { PROFESSIONAL: 100 }, { PROFESSIONAL: 150 }, 'CRITICAL', 7),
    status: 'TRIAL',
  },
  low('low-50', 50, []),
  low('low-49', 49, ['INFO']),
  low('low-25', 25, ['INFO']),
  low('low-24', 24, ['MINOR']),
  { ...low('low-trial', 10, []), status: 'TRIAL' },
  expiring('ends-91', 91, null),
  expiring('ends-90', 90, 'MINOR'),
  expiring('ends-31', 31, 'MINOR'),
  expiring('ends-30', 30, 'MAJOR'),
  expiring('ends-0', 0, 'MAJOR'),
  expiring('ended', -1, null),
  stale('silent-3', 3, null),
  stale('silent-4', 4, 'MINOR'),
  stale('silent-14', 14, 'MINOR'),
  stale('silent-15', 15, 'MAJOR'),
  {
    name: 'unused',
    kind: 'UNUSED_REGION',
    purchased: { COMMON_AREA: 10, PROFESSIONAL: 10 },
    sources: [
      { region: 'EMEA', consumed: { COMMON_AREA: 0, PROFESSIONAL: 3 } },
      { region: 'EMEA', consumed: { COMMON_AREA: 0 } },
      { region: 'APJC', consumed: { COMMON_AREA: 0 } },
      { region: 'APJC', consumed: { COMMON_AREA: 1 } },
    ],
    expected: [
      {
        severity: 'MINOR',
        region: 'EMEA',
        licenseType: 'COMMON_AREA',
        consumed: 0,
        actionDue: null,
      },
    ],
  },
];

function over(
  name: string,
  purchased: Record<string, number>,
  consumed: Record<string, number>,
  severity: string,
  dueDays: number,
) {
  const [licenseType, used] = Object.entries(consumed)[0];
  return {
    name,
    kind: 'OVER_LICENSE_LIMIT',
    purchased,
    sources: [{ region: 'EMEA', consumed }],
    expected: [
      {
        severity,
        licenseType,
        consumed: used,
        purchased: purchased[licenseType] ?? 0,
        actionDue: day(dueDays),
      },
    ],
  };
}

function low(name: string, used: number, severities: string[]) {
  return {
    name,
    kind: 'LOW_ASSIGNMENT',
    endsIn: 200,
    purchased: { PROFESSIONAL: 100 },
    sources: [{ region: 'AMER', consumed: { PROFESSIONAL: used } }],
    expected: severities.map((severity) => ({
      severity,
      licenseType: 'PROFESSIONAL',
      consumed: used,
      purchased: 100,
      actionDue: day(200),
    })),
  };
}

function expiring(name: string, endsIn: number, severity: string | null) {
  return {
    name,
    kind: 'NEARING_EXPIRATION',
    endsIn,
    purchased: { PROFESSIONAL: 10 },
    sources: [{ region: 'AMER', consumed: { PROFESSIONAL: 8 } }],
    expected: severity ? [{ severity, actionDue: day(endsIn), licenseType: null }] : [],
  };
}

function stale(name: string, silentDays: number, severity: string | null) {
  return {
    name,
    kind: 'STALE_DATA',
    purchased: { PROFESSIONAL: 10 },
    sources: [{ region: 'APJC', consumed: { PROFESSIONAL: 8 }, lastReport: -silentDays }],
    expected: severity
      ? [{ severity, region: 'APJC', source: { id: `cl-${name}-1` }, actionDue: day(2) }]
      : [],
  };
}

const SELECTION = `kind severity region licenseType consumed purchased message detectedOn actionDue
  subscription { id } customer { id } source { id }`;

let db: TestDatabase;
const counter = new StatementCounter();

beforeAll(async () => {
  db = await openTestDatabase({ logger: counter });
  await loadAlertFixture(db.ds, CASES);
});
afterAll(async () => {
  await db?.close();
});

async function customerAlerts(
  ids: string[],
  args: string,
  userId = ALERT_ADMIN,
  settings = TEST_SETTINGS,
) {
  const result = await runAs(
    usageSubgraph,
    db.ds,
    userId,
    `query($representations: [_Any!]!) {
      _entities(representations: $representations) {
        ... on Customer { id alerts(${args}) { ${SELECTION} } }
      }
    }`,
    { representations: ids.map((id) => ({ __typename: 'Customer', id })) },
    ALERT_AS_OF,
    settings,
  );
  expect(result.errors).toBeUndefined();
  return (result.data as { _entities: Array<{ id: string; alerts: Record<string, unknown>[] }> })
    ._entities;
}

describe.each(CASES)('$kind: $name', ({ name, kind, expected }) => {
  it('raises exactly the alerts of the severity table', async () => {
    const [customer] = await customerAlerts(
      [`c-${name}`],
      `kinds: [${kind}], asOf: "${ALERT_AS_OF}"`,
    );
    expect(customer.alerts).toEqual(
      expected.map((alert) => expect.objectContaining({ kind, ...alert })),
    );
    for (const alert of customer.alerts) {
      expect(alert).toMatchObject({ detectedOn: ALERT_AS_OF, customer: { id: `c-${name}` } });
      expect(alert.subscription).toEqual(kind === 'UNUSED_REGION' ? null : { id: `Sub-${name}` });
      expect(String(alert.message)).not.toBe('');
    }
  });
});

describe('filters and batching', () => {
  const ids = CASES.map((c) => `c-${c.name}`);

  it('keeps only alerts at least as severe as minSeverity', async () => {
    const all = (await customerAlerts(ids, `asOf: "${ALERT_AS_OF}"`)).flatMap((c) => c.alerts);
    const major = (await customerAlerts(ids, `asOf: "${ALERT_AS_OF}", minSeverity: MAJOR`)).flatMap(
      (c) => c.alerts,
    );
    expect(major.length).toBeGreaterThan(0);
    expect(major).toEqual(all.filter((a) => a.severity === 'MAJOR' || a.severity === 'CRITICAL'));
    expect(new Set(all.map((a) => a.severity))).toEqual(
      new Set(['INFO', 'MINOR', 'MAJOR', 'CRITICAL']),
    );
  });

  it('computes the alerts of any number of customers in the same few statements', async () => {
    const one = await counter.measure(() =>
      customerAlerts(ids.slice(0, 1), `asOf: "${ALERT_AS_OF}"`),
    );
    const all = await counter.measure(() => customerAlerts(ids, `asOf: "${ALERT_AS_OF}"`));
    expect(all.statements.length).toBe(one.statements.length);
    expect(all.statements.length).toBeLessThanOrEqual(8);
  });

  it('gives Partner.alerts the alerts of every customer of the partner', async () => {
    const perCustomer = (await customerAlerts(ids, `asOf: "${ALERT_AS_OF}"`)).flatMap(
      (c) => c.alerts,
    );
    const result = await runAs(
      usageSubgraph,
      db.ds,
      ALERT_ADMIN,
      `query($representations: [_Any!]!) {
        _entities(representations: $representations) { ... on Partner { alerts(asOf: "${ALERT_AS_OF}") { ${SELECTION} } } }
      }`,
      { representations: [{ __typename: 'Partner', id: ALERT_PARTNER }] },
      ALERT_AS_OF,
    );
    expect(result.errors).toBeUndefined();
    const partner = (result.data as { _entities: Array<{ alerts: Record<string, unknown>[] }> })
      ._entities[0];
    const key = (a: Record<string, unknown>) => JSON.stringify(a);
    expect(partner.alerts.map(key).sort()).toEqual(perCustomer.map(key).sort());
  });
});

describe('the low-water mark', () => {
  it('comes from ALERT_LOW_ASSIGNMENT_MARK', async () => {
    const config = loadConfig({ ALERT_LOW_ASSIGNMENT_MARK: '0.3' });
    const customers = await customerAlerts(
      ['c-low-49', 'c-low-25', 'c-low-24'],
      `kinds: [LOW_ASSIGNMENT], asOf: "${ALERT_AS_OF}"`,
      ALERT_ADMIN,
      config,
    );
    expect(customers.map((c) => c.alerts.map((a) => a.severity))).toEqual([[], ['INFO'], ['INFO']]);
  });
});
