import type { Logger } from 'typeorm';
import { openTestDatabase } from './database';
import type { TestDatabase } from './database';
import { graphFixture, loadGraphFixture } from './graph-fixture';
import type { GraphFixture } from './graph-fixture';
import { useForAll } from './late-bound';

// A test database holding the graph fixture: what most integration files start from.

/** A migrated test database holding `fixture`; closed again when loading it fails. */
export async function openFixtureDatabase(
  fixture: GraphFixture = graphFixture(),
  options: { logger?: Logger } = {},
): Promise<TestDatabase> {
  const db = await openTestDatabase(options);
  try {
    await loadGraphFixture(db.ds, fixture);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}

export interface FixtureDatabase {
  db: TestDatabase;
  /** What the database holds: expectations are computed from it. */
  fixture: GraphFixture;
}

/**
 * A test database holding the graph fixture, opened before the tests of the enclosing describe
 * block (the file, at top level) and closed after them.
 */
export function useFixtureDatabase(options: { logger?: Logger } = {}): FixtureDatabase {
  const fixture = graphFixture();
  const db = useForAll(
    'the test database',
    () => openFixtureDatabase(fixture, options),
    (opened) => opened.close(),
  );
  return { db, fixture };
}
