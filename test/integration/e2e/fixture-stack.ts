import type { TestDatabase } from '../../support/database';
import { openFixtureDatabase } from '../../support/fixture-database';
import { graphFixture } from '../../support/graph-fixture';
import type { GraphFixture } from '../../support/graph-fixture';
import { lateBound } from '../../support/late-bound';
import { startTestStack } from '../../support/stack';
import type { TestStack, TestStackOptions } from '../../support/stack';

// What every end-to-end file starts from: a test database holding the graph fixture and the whole
// stack over it, opened before the tests of the enclosing describe block (the file, at top level)
// and stopped after them.

export interface FixtureStack {
  db: TestDatabase;
  stack: TestStack;
  /** What the database holds: expectations are computed from it. */
  fixture: GraphFixture;
}

export interface FixtureStackOptions {
  /** Options of startTestStack, made once the fixture is loaded (e.g. after signing a token). */
  stackOptions?: () => Promise<TestStackOptions>;
}

/** Use the returned values inside tests and hooks declared after this call. */
export function useFixtureStack(options: FixtureStackOptions = {}): FixtureStack {
  const fixture = graphFixture();
  let db: TestDatabase | undefined;
  let stack: TestStack | undefined;
  beforeAll(async () => {
    db = await openFixtureDatabase(fixture);
    stack = await startTestStack(db, undefined, await options.stackOptions?.());
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.close();
  });
  return {
    db: lateBound('the test database', () => db),
    stack: lateBound('the test stack', () => stack),
    fixture,
  };
}
