import { subscriptionsSubgraph } from '../../../src/subgraphs/subscriptions';
import { useForAll } from '../../support/late-bound';
import { openSubgraphTestDatabase } from '../../support/subgraph';
import type { SubgraphTestDatabase } from '../../support/subgraph';

// The database every test file of this folder works on: the graph fixture, imported once per file,
// with a statement counter listening, and the subscriptions subgraph to run operations on.

/** The file's database, opened before its tests and closed after them. */
export function useSubscriptionsDatabase(): SubgraphTestDatabase {
  return useForAll(
    'the subscriptions test database',
    () => openSubgraphTestDatabase(subscriptionsSubgraph),
    (env) => env.db.close(),
  );
}

export { representations } from '../../support/subgraph';
