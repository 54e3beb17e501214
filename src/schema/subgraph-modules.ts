import 'reflect-metadata';
import type { SubgraphName } from '../config';
import type { SubgraphModule } from '../graphql/build-subgraph-schema';
import { organizationsSubgraph } from '../subgraphs/organizations';
import { subscriptionsSubgraph } from '../subgraphs/subscriptions';
import { usageSubgraph } from '../subgraphs/usage';

/** The subgraphs in composition order. */
export const SUBGRAPH_MODULES: Record<SubgraphName, SubgraphModule | undefined> = {
  organizations: organizationsSubgraph,
  subscriptions: subscriptionsSubgraph,
  usage: usageSubgraph,
};
