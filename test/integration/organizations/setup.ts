import type { ExecutionResult } from 'graphql';
import { organizationsSubgraph } from '../../../src/subgraphs/organizations';
import type { TestDatabase } from '../../support/database';
import { FIXTURE_LAST_DAY, importOrFail } from '../../support/graph-fixture';
import type { GraphFixture } from '../../support/graph-fixture';
import { useForAll } from '../../support/late-bound';
import { openSubgraphTestDatabase } from '../../support/subgraph';
import type { SubgraphTestDatabase } from '../../support/subgraph';

// The database every test file of this folder works on: the graph fixture plus EDGE_CASES,
// imported once per file, with a statement counter listening.

/**
 * Customers the graph fixture lacks and the customer list must handle: a name shared with another
 * customer (ties broken by id), names holding LIKE's wildcards and escape character, customers
 * with nothing purchased on FIXTURE_TODAY (null utilization; one of them still consumes, in a
 * region no one else uses), one that purchases but has not reported (utilization 0), and a user
 * whose roles span both partners.
 */
export const EDGE_CASES: Omit<GraphFixture, 'partners'> = {
  customers: [
    { id: 'c-acme-2', partnerId: 'p-north', name: 'Acme Corp' },
    { id: 'c-percent', partnerId: 'p-north', name: '100% Fiber' },
    { id: 'c-underscore', partnerId: 'p-north', name: 'Under_Score Ltd' },
    { id: 'c-expired', partnerId: 'p-south', name: 'Oldco' },
    { id: 'c-backslash', partnerId: 'p-south', name: 'R\\D Labs!' },
  ],
  subscriptions: [
    {
      id: 'Sub-600001',
      customerId: 'c-acme-2',
      kind: 'DEDICATED_INSTANCE',
      status: 'ACTIVE',
      startDate: '2026-01-01',
      entitlements: [{ licenseType: 'PROFESSIONAL', quantity: 100, startDate: '2026-01-01' }],
    },
    {
      id: 'Sub-700001',
      customerId: 'c-expired',
      kind: 'MULTI_TENANT',
      status: 'EXPIRED',
      startDate: '2026-01-01',
      endDate: '2026-10-31',
      entitlements: [
        { licenseType: 'BASIC', quantity: 20, startDate: '2026-01-01', endDate: '2026-10-31' },
      ],
    },
  ],
  clusters: [],
  tenants: [{ id: 't-old-1', subscriptionId: 'Sub-700001', name: 'Oldco BR', region: 'LATAM' }],
  // Reads across both partners: all of Southwind, and one customer of Northwind.
  users: [{ id: 'u-mixed', email: 'mixed@example.example', displayName: 'Mixed Roles' }],
  roleAssignments: [
    { userId: 'u-mixed', role: 'PARTNER_READ_ONLY_ADMIN', partnerId: 'p-south' },
    { userId: 'u-mixed', role: 'SUPPORT_ADMIN', customerId: 'c-initech' },
  ],
  usage: [{ sourceId: 't-old-1', licenseType: 'BASIC', date: FIXTURE_LAST_DAY, consumed: 7 }],
};

/** A role assignment as stored: its id is generated at import, so it is read back. */
export interface StoredAssignment {
  id: string;
  userId: string;
  role: string;
  partnerId: string | null;
  customerId: string | null;
}

export interface OrganizationsDatabase extends SubgraphTestDatabase {
  /** The graph fixture with EDGE_CASES merged in: what every expectation is computed from. */
  fixture: GraphFixture;
  assignments: StoredAssignment[];
}

function merged(fixture: GraphFixture): GraphFixture {
  const merge = <K extends keyof typeof EDGE_CASES>(key: K) =>
    [...fixture[key], ...EDGE_CASES[key]] as GraphFixture[K];
  return {
    partners: fixture.partners,
    customers: merge('customers'),
    subscriptions: merge('subscriptions'),
    clusters: merge('clusters'),
    tenants: merge('tenants'),
    users: merge('users'),
    roleAssignments: merge('roleAssignments'),
    usage: merge('usage'),
  };
}

async function storedAssignments(db: TestDatabase): Promise<StoredAssignment[]> {
  const rows: Array<Record<string, string | null>> = await db.ds.query(
    'SELECT id, user_id, role, partner_id, customer_id FROM role_assignments ORDER BY id',
  );
  return rows.map((row) => ({
    id: String(row.id),
    userId: String(row.user_id),
    role: String(row.role),
    partnerId: row.partner_id,
    customerId: row.customer_id,
  }));
}

export async function openOrganizationsDatabase(): Promise<OrganizationsDatabase> {
  const env = await openSubgraphTestDatabase(organizationsSubgraph);
  await importOrFail(env.db.ds, EDGE_CASES, 'edge-cases');
  return { ...env, fixture: merged(env.fixture), assignments: await storedAssignments(env.db) };
}

/** The file's database, opened before its tests and closed after them. */
export function useOrganizationsDatabase(): OrganizationsDatabase {
  return useForAll('the organizations test database', openOrganizationsDatabase, (env) =>
    env.db.close(),
  );
}

export { representations } from '../../support/subgraph';

/** The code and argument name of each error of a result. */
export function errorCodes(result: ExecutionResult) {
  return (result.errors ?? []).map((error) => ({
    code: error.extensions?.code,
    argumentName: error.extensions?.argumentName,
  }));
}
