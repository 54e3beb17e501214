import type { ExecutionResult } from 'graphql';
import { subscriptionsSubgraph } from '../../../src/subgraphs/subscriptions';
import { openTestDatabase } from '../../support/database';
import type { TestDatabase } from '../../support/database';
import { FIXTURE_TODAY, loadGraphFixture } from '../../support/graph-fixture';
import type { GraphFixture } from '../../support/graph-fixture';
import { StatementCounter } from '../../support/statement-counter';
import { runAs } from '../../support/subgraph';

// The database every test file of this folder works on: the graph fixture, imported once per file,
// with a statement counter listening.

export interface FixtureDatabase {
  db: TestDatabase;
  fixture: GraphFixture;
  counter: StatementCounter;
  /** Runs an operation against the subscriptions subgraph as the user (null: no token). */
  run(
    userId: string | null,
    source: string,
    variables?: Record<string, unknown>,
  ): Promise<ExecutionResult>;
  /** Like run, and fails the test on any error. */
  data(
    userId: string | null,
    source: string,
    variables?: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
}

export async function openFixtureDatabase(): Promise<FixtureDatabase> {
  const counter = new StatementCounter();
  const db = await openTestDatabase({ logger: counter });
  const fixture = await loadGraphFixture(db.ds);
  const run = (userId: string | null, source: string, variables: Record<string, unknown> = {}) =>
    runAs(subscriptionsSubgraph, db.ds, userId, source, variables, FIXTURE_TODAY);
  return {
    db,
    fixture,
    counter,
    run,
    async data(userId, source, variables) {
      const result = await run(userId, source, variables);
      expect(result.errors).toBeUndefined();
      return result.data as Record<string, unknown>;
    },
  };
}

/** `{ __typename, id }` representations, as the gateway sends them to `_entities`. */
export function representations(typename: string, ids: readonly string[]) {
  return { representations: ids.map((id) => ({ __typename: typename, id })) };
}
