import { graphql } from 'graphql';
import type { ExecutionResult } from 'graphql';
import type { DataSource } from 'typeorm';
import { loadViewer } from '../../src/auth/load-viewer';
import { buildSubgraph } from '../../src/graphql/build-subgraph-schema';
import type { BuiltSubgraph, SubgraphModule } from '../../src/graphql/build-subgraph-schema';
import type { RequestContext } from '../../src/graphql/context';
import { loadConfig } from '../../src/config';
import type { RequestSettings } from '../../src/config';
import { openTestDatabase } from './database';
import type { TestDatabase } from './database';
import { FIXTURE_TODAY, loadGraphFixture } from './graph-fixture';
import type { GraphFixture } from './graph-fixture';
import { StatementCounter } from './statement-counter';

// Runs operations against one subgraph's executable schema in process, as the given user, with the
// same context a real request gets (viewer and scope loaded from the database). For subgraph
// tests; the end-to-end tests go through the gateway over HTTP instead.

/** The configuration of a server started without any variable set. */
export const TEST_SETTINGS: RequestSettings = loadConfig({});

const built = new Map<SubgraphModule, Promise<BuiltSubgraph>>();

export function builtSubgraph(module: SubgraphModule): Promise<BuiltSubgraph> {
  let subgraph = built.get(module);
  if (!subgraph) {
    subgraph = buildSubgraph(module);
    built.set(module, subgraph);
  }
  return subgraph;
}

export async function runAs(
  module: SubgraphModule,
  ds: DataSource,
  userId: string | null,
  source: string,
  variables: Record<string, unknown> = {},
  today = new Date().toISOString().slice(0, 10),
  settings: RequestSettings = TEST_SETTINGS,
): Promise<ExecutionResult> {
  const { schema } = await builtSubgraph(module);
  const viewer = userId === null ? null : await loadViewer(ds, userId);
  if (userId !== null && !viewer) throw new Error(`test user ${userId} does not exist`);
  const contextValue: RequestContext = { ds, viewer, today, settings };
  return graphql({ schema, source, variableValues: variables, contextValue });
}

/** `_entities` with the given representations, as the gateway would send them. */
export function entitiesQuery(typename: string, selection: string): string {
  return `query($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on ${typename} { ${selection} } }
  }`;
}

/** `{ __typename, id }` representations, as the gateway sends them to `_entities`. */
export function representations(typename: string, ids: readonly string[]) {
  return { representations: ids.map((id) => ({ __typename: typename, id })) };
}

/** The graph fixture in a test database with a statement counter listening, and one subgraph. */
export interface SubgraphTestDatabase {
  db: TestDatabase;
  fixture: GraphFixture;
  counter: StatementCounter;
  /** Runs an operation against the subgraph as the user (null: no token), on FIXTURE_TODAY. */
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

export async function openSubgraphTestDatabase(
  module: SubgraphModule,
): Promise<SubgraphTestDatabase> {
  const counter = new StatementCounter();
  const db = await openTestDatabase({ logger: counter });
  const fixture = await loadGraphFixture(db.ds);
  const run = (userId: string | null, source: string, variables: Record<string, unknown> = {}) =>
    runAs(module, db.ds, userId, source, variables, FIXTURE_TODAY);
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
