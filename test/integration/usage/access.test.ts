import { FIXTURE_TODAY } from '../../support/graph-fixture';
import { licenseSummary, subscriptionsOfPartner } from '../../support/oracle';
import { openUsageTestEnv } from './setup';
import type { UsageTestEnv } from './setup';

// Who sees what: an id out of the viewer's scope resolves to null through `_entities`, exactly as
// an id that does not exist; partner analytics say FORBIDDEN to anyone without a partner-scoped
// full or read-only admin role on that partner.

let env: UsageTestEnv;

beforeAll(async () => {
  env = await openUsageTestEnv();
});

afterAll(async () => {
  await env?.db.close();
});

const SUMMARY =
  'licenseSummary { licenseType purchased consumed available utilization asOf oldestReportOn }';

// One entity of each type per partner of the fixture.
const NORTH = {
  Cluster: 'cl-ams-1',
  Tenant: 't-acme-us',
  LicenseSubscription: 'Sub-100001',
  Customer: 'c-acme',
  Partner: 'p-north',
};
const SOUTH = {
  Cluster: 'cl-umb-1',
  Tenant: 't-umb-1',
  LicenseSubscription: 'Sub-400001',
  Customer: 'c-umbrella',
  Partner: 'p-south',
};
const TYPENAMES = Object.keys(NORTH) as Array<keyof typeof NORTH>;

function roleOf(userId: string): string[] {
  return env.fixture.roleAssignments.filter((a) => a.userId === userId).map((a) => a.role);
}

describe('_entities out of scope', () => {
  it.each(TYPENAMES)('%s of another partner resolves to null', async (typename) => {
    const entities = await env.entities(
      'u-pfa-north',
      typename,
      [SOUTH[typename], NORTH[typename]],
      'id',
    );
    expect(entities).toEqual([null, { id: NORTH[typename] }]);
  });

  it.each(TYPENAMES.filter((t) => t !== 'Partner'))(
    '%s of another customer of the same partner resolves to null for a customer admin',
    async (typename) => {
      const globex = {
        Cluster: 'cl-globex-1',
        Tenant: 't-globex-eu',
        LicenseSubscription: 'Sub-200001',
        Customer: 'c-globex',
      }[typename];
      expect(roleOf('u-fa-acme')).toEqual(['FULL_ADMIN']);
      expect(await env.entities('u-fa-acme', typename, [globex, NORTH[typename]], 'id')).toEqual([
        null,
        { id: NORTH[typename] },
      ]);
    },
  );

  it('looks exactly like an id that does not exist', async () => {
    for (const typename of TYPENAMES) {
      const selection =
        typename === 'Cluster' || typename === 'Tenant' ? 'id lastReportedAt' : 'id';
      const outOfScope = await env.run('u-pfa-north', typename, [SOUTH[typename]], selection);
      const missing = await env.run(
        'u-pfa-north',
        typename,
        [`${SOUTH[typename]}-nope`],
        selection,
      );
      expect({ typename, result: outOfScope }).toEqual({ typename, result: missing });
    }
  });

  it('does not resolve a tenant as a cluster, nor a cluster as a tenant', async () => {
    expect(await env.entities('u-pfa-north', 'Cluster', [NORTH.Tenant], 'id')).toEqual([null]);
    expect(await env.entities('u-pfa-north', 'Tenant', [NORTH.Cluster], 'id')).toEqual([null]);
  });

  it('leaves a collector, which reads nothing, without usage', async () => {
    expect(roleOf('u-uc-acme')).toEqual(['USAGE_COLLECTOR']);
    for (const typename of ['Cluster', 'Tenant', 'LicenseSubscription'] as const) {
      expect(await env.entities('u-uc-acme', typename, [NORTH[typename]], 'id')).toEqual([null]);
    }
    // Its own customer stays visible (as in the other subgraphs), with nothing read under it.
    expect(await env.entities('u-uc-acme', 'Customer', [NORTH.Customer], `id ${SUMMARY}`)).toEqual([
      { id: NORTH.Customer, licenseSummary: [] },
    ]);
  });

  it('refuses a request without a token', async () => {
    const result = await env.run(null, 'Cluster', [NORTH.Cluster], 'id');
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('Partner.licenseSummary', () => {
  it.each(['u-pfa-north', 'u-pro-north'])(
    'answers a partner full or read-only admin (%s)',
    async (userId) => {
      expect(roleOf(userId)).toEqual([expect.stringMatching(/^PARTNER_(FULL|READ_ONLY)_ADMIN$/)]);
      const [partner] = await env.entities(userId, 'Partner', ['p-north'], `id ${SUMMARY}`);
      const expected = licenseSummary(
        env.fixture,
        subscriptionsOfPartner(env.fixture, 'p-north'),
        FIXTURE_TODAY,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(partner).toEqual({ id: 'p-north', licenseSummary: expected });
    },
  );

  it.each([
    ['u-pa-north', 'PARTNER_ADMIN'],
    ['u-fa-acme', 'FULL_ADMIN'],
    ['u-ro-acme', 'READ_ONLY_ADMIN'],
    ['u-uc-north', 'USAGE_COLLECTOR'],
  ])('is FORBIDDEN to %s (%s) although the partner is visible', async (userId, role) => {
    expect(roleOf(userId)).toContain(role);
    const visible = await env.entities(userId, 'Partner', ['p-north'], 'id');
    expect(visible).toEqual([{ id: 'p-north' }]);
    const result = await env.run(userId, 'Partner', ['p-north'], `id ${SUMMARY}`);
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(result.errors?.[0].path).toEqual(['_entities', 0, 'licenseSummary']);
    // Nullable analytics: the refusal leaves the partner itself in the answer.
    expect(result.data).toEqual({ _entities: [{ id: 'p-north', licenseSummary: null }] });
  });

  it('shows the full admin of another partner neither that partner nor its analytics', async () => {
    // u-pfa-south administers p-south only; p-north is not even visible to it.
    expect(await env.entities('u-pfa-south', 'Partner', ['p-north'], 'id')).toEqual([null]);
    const [south] = await env.entities('u-pfa-south', 'Partner', ['p-south'], `id ${SUMMARY}`);
    expect(south).toEqual({
      id: 'p-south',
      licenseSummary: licenseSummary(
        env.fixture,
        subscriptionsOfPartner(env.fixture, 'p-south'),
        FIXTURE_TODAY,
      ),
    });
  });
});
