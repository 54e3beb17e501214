import { composeServices } from '@apollo/composition';
import { printSchema } from 'graphql';
import type { SubgraphName } from '../config';
import { buildSubgraph } from '../graphql/build-subgraph-schema';
import type { BuiltSubgraph } from '../graphql/build-subgraph-schema';
import { SUBGRAPH_MODULES } from './subgraph-modules';

export interface ComposedSchemas {
  subgraphs: BuiltSubgraph[];
  /** The supergraph the gateway (or Apollo Router) loads. */
  supergraphSdl: string;
  /** The API as clients see it: what codegen and the contract operations validate against. */
  apiSdl: string;
}

/** Where each subgraph listens by default; a deployment overrides them at run time. */
const DEFAULT_URLS: Record<SubgraphName, string> = {
  organizations: 'http://127.0.0.1:4001/graphql',
  subscriptions: 'http://127.0.0.1:4002/graphql',
  usage: 'http://127.0.0.1:4003/graphql',
};

export async function buildAllSubgraphs(): Promise<BuiltSubgraph[]> {
  const built: BuiltSubgraph[] = [];
  for (const module of Object.values(SUBGRAPH_MODULES)) {
    if (module) built.push(await buildSubgraph(module));
  }
  return built;
}

/** Composes the subgraphs with @apollo/composition; a composition error stops the build. */
export async function composeSupergraph(): Promise<ComposedSchemas> {
  const subgraphs = await buildAllSubgraphs();
  const result = composeServices(
    subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: DEFAULT_URLS[s.name] })),
  );
  if (result.errors) {
    throw new Error(
      `Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  return {
    subgraphs,
    supergraphSdl: result.supergraphSdl,
    apiSdl: `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema())}\n`,
  };
}
