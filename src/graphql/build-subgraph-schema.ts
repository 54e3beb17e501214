import 'reflect-metadata';
import type { IncomingHttpHeaders } from 'node:http';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse } from 'graphql';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Express } from 'express';
import type { DataSource } from 'typeorm';
import { applyMiddleware } from 'graphql-middleware';
import type { IMiddlewareFieldMap } from 'graphql-middleware';
import { shield } from 'graphql-shield';
import type { IRules } from 'graphql-shield';
import { buildSchema, createResolversMap } from 'type-graphql';
import type { BuildSchemaOptions } from 'type-graphql';
import type { SubgraphName } from '../config';
import type { RequestContext } from './context';
import { forbidden } from './errors';
import { allowAll, denyAll, isAuthenticated } from './rules';
import { DateTimeScalar } from './scalars';
import './enums';

/** Resolves `{ __typename, id }` to the entity, or to null when it is out of the viewer's scope. */
export type ReferenceResolver = (
  reference: { id: string },
  ctx: RequestContext,
) => Promise<object | null> | object | null;

/** What a subgraph's extra HTTP routes get: the database and the same request context. */
export interface RouteContext {
  ds: DataSource;
  /** readOnly: may run on the read replica (graphql/request-context). */
  contextFor: (
    headers: IncomingHttpHeaders,
    options?: { readOnly?: boolean },
  ) => Promise<RequestContext>;
}

/** Everything one subgraph is made of; each subgraph folder exports one of these. */
export interface SubgraphModule {
  name: SubgraphName;
  resolvers: BuildSchemaOptions['resolvers'];
  orphanedTypes?: BuildSchemaOptions['orphanedTypes'];
  /** Entity type name → reference resolver. graphql-shield cannot see these: they check scope. */
  referenceResolvers: Record<string, ReferenceResolver>;
  /** graphql-shield rule tree; anything it does not name is denied. */
  permissions: IRules;
  /** HTTP routes besides /graphql (the usage subgraph's CSV export), mounted before it. */
  mount?: (app: Express, context: RouteContext) => void;
}

export interface BuiltSubgraph {
  name: SubgraphName;
  /** The subgraph SDL (what `_service { sdl }` answers), composed into the supergraph. */
  typeDefs: DocumentNode;
  sdl: string;
  /** Executable schema with the permissions applied. */
  schema: GraphQLSchema;
  mount?: SubgraphModule['mount'];
}

// Entities are joined by their `id` key alone; value types that two subgraphs return are @shareable.
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", ' +
  'import: ["@key", "@shareable"])';

/** `_service` is public (it is only the SDL); `_entities` needs a viewer, and each reference
 * resolver then applies that viewer's scope. */
function withFederationRules(rules: IRules): IRules {
  const query = (rules as Record<string, unknown>).Query;
  if (query !== undefined && typeof query !== 'object') {
    throw new Error('Query permissions must name each field');
  }
  return {
    ...rules,
    Query: { ...(query as object), _service: allowAll, _entities: isAuthenticated },
    _Service: allowAll,
  } as IRules;
}

/**
 * The shield's per-field checks, less those of the types allowed as a whole (`Type: allowAll`):
 * a check is an async wrapper around the field, and a large answer (a usage series, a report) has
 * tens of thousands of leaf fields whose type is allowed anyway. Leaving them out keeps their
 * fields synchronous, which is most of the time and memory such an answer took (issue 12).
 */
function checkedFields(
  permissions: ReturnType<typeof shield>,
  schema: GraphQLSchema,
  rules: IRules,
): IMiddlewareFieldMap {
  const fields = permissions.generate(schema) as IMiddlewareFieldMap;
  for (const [typeName, rule] of Object.entries(rules as Record<string, unknown>)) {
    if (rule === allowAll) delete fields[typeName];
  }
  return fields;
}

/**
 * type-graphql builds the schema from the decorated classes; its SDL, printed with the directives
 * (@key), goes through @apollo/subgraph so that `_service` and `_entities` exist; then the
 * permissions wrap every resolver, denying whatever no rule allows.
 */
export async function buildSubgraph(module: SubgraphModule): Promise<BuiltSubgraph> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: module.resolvers,
    orphanedTypes: module.orphanedTypes,
    // Instants are JS Dates; calendar days are strings typed `() => DateScalar` where declared.
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
  });
  const sdl = `${FEDERATION_LINK}\n\n${printSchemaWithDirectives(typeGraphQLSchema)}\n`;
  const typeDefs = parse(sdl);
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<RequestContext>;
  for (const [typeName, resolveReference] of Object.entries(module.referenceResolvers)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: resolveReference,
    } as GraphQLResolverMap<RequestContext>[string];
  }
  // The map is typed for our context; @apollo/subgraph types its modules loosely.
  const subgraphSchema = buildSubgraphSchema({
    typeDefs,
    resolvers: resolvers as GraphQLResolverMap<unknown>,
  });
  const rules = withFederationRules(module.permissions);
  const permissions = shield(rules, {
    fallbackRule: denyAll,
    allowExternalErrors: true,
    fallbackError: () => forbidden(),
  });
  return {
    name: module.name,
    typeDefs,
    sdl,
    schema: applyMiddleware(subgraphSchema, checkedFields(permissions, subgraphSchema, rules)),
    mount: module.mount,
  };
}
