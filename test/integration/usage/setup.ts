import type { ExecutionResult } from 'graphql';
import { usageSubgraph } from '../../../src/subgraphs/usage';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURE_TODAY, loadGraphFixture } from '../../support/graph-fixture';
import type { GraphFixture } from '../../support/graph-fixture';
import { StatementCounter } from '../../support/statement-counter';
import { runAs } from '../../support/subgraph';

// The database every test file of this folder works on: the graph fixture, imported once per
// file, with a statement counter listening. The usage subgraph has no root fields: everything is
// reached through `_entities`, as the gateway reaches it.

/** GraphQL types of the variables the tests of this folder pass along with representations. */
const VARIABLE_TYPES: Record<string, string> = {
  asOf: 'Date',
  from: 'Date!',
  to: 'Date!',
  granularity: 'Granularity!',
  licenseTypes: '[LicenseType!]',
};

/** An `_entities` operation on `typename` declaring the given variables besides the representations. */
export function entitiesOperation(
  typename: string,
  selection: string,
  variableNames: readonly string[] = [],
): string {
  const declarations = [
    '$representations: [_Any!]!',
    ...variableNames.map((name) => `$${name}: ${VARIABLE_TYPES[name]}`),
  ];
  return `query(${declarations.join(', ')}) {
    _entities(representations: $representations) { ... on ${typename} { ${selection} } }
  }`;
}

/** `{ __typename, id }` representations, as the gateway sends them. */
export function representations(typename: string, ids: readonly string[]) {
  return ids.map((id) => ({ __typename: typename, id }));
}

export interface UsageTestEnv {
  db: TestDatabase;
  fixture: GraphFixture;
  counter: StatementCounter;
  /** Runs `_entities` on the usage subgraph as the user (null: no token), on FIXTURE_TODAY. */
  run(
    userId: string | null,
    typename: string,
    ids: readonly string[],
    selection: string,
    variables?: Record<string, unknown>,
  ): Promise<ExecutionResult>;
  /** Like run, failing the test on any error; the `_entities` list. */
  entities<T>(
    userId: string,
    typename: string,
    ids: readonly string[],
    selection: string,
    variables?: Record<string, unknown>,
  ): Promise<Array<T | null>>;
}

export async function openUsageTestEnv(): Promise<UsageTestEnv> {
  const counter = new StatementCounter();
  const db = await openTestDatabase({ logger: counter });
  const fixture = await loadGraphFixture(db.ds);
  const run: UsageTestEnv['run'] = (userId, typename, ids, selection, variables = {}) =>
    runAs(
      usageSubgraph,
      db.ds,
      userId,
      entitiesOperation(typename, selection, Object.keys(variables)),
      { ...variables, representations: representations(typename, ids) },
      FIXTURE_TODAY,
    );
  return {
    db,
    fixture,
    counter,
    run,
    async entities<T>(
      userId: string,
      typename: string,
      ids: readonly string[],
      selection: string,
      variables: Record<string, unknown> = {},
    ) {
      const result = await run(userId, typename, ids, selection, variables);
      expect(result.errors).toBeUndefined();
      return (result.data as { _entities: Array<T | null> })._entities;
    },
  };
}

/** The partner of the customer a source belongs to. */
export function partnerOfSource(fixture: GraphFixture, sourceId: string): string {
  const source = [...fixture.clusters, ...fixture.tenants].find((s) => s.id === sourceId);
  const subscription = fixture.subscriptions.find((s) => s.id === source?.subscriptionId);
  const customer = fixture.customers.find((c) => c.id === subscription?.customerId);
  if (!customer) throw new Error(`no customer for source ${sourceId} in the fixture`);
  return customer.partnerId;
}

/** The fixture's partner full admin of a partner: reads every customer of it and its analytics. */
export function partnerFullAdmin(fixture: GraphFixture, partnerId: string): string {
  const assignment = fixture.roleAssignments.find(
    (a) => a.role === 'PARTNER_FULL_ADMIN' && a.partnerId === partnerId,
  );
  if (!assignment) throw new Error(`no partner full admin of ${partnerId} in the fixture`);
  return assignment.userId;
}
