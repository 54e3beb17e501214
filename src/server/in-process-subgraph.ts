import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, execute, parse, validate } from 'graphql';
import type { DocumentNode, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../gateway/authenticated-data-source';
import type { RequestContext } from '../graphql/context';
import { maskSubgraphError } from '../graphql/errors';
import type { Logger } from '../logger';

// Subgraphs called in the gateway's own process (SUBGRAPHS_IN_PROCESS, issue 14): when the
// gateway and every subgraph run in one process, a subgraph fetch of the query plan is executed
// on that subgraph's schema directly, instead of an HTTP round trip to the same process that
// re-serialises the answer, verifies the token and loads the viewer again. What a subgraph does
// is unchanged — its resolvers, permissions (graphql-shield, deny by default), reference resolvers
// cutting entities to the viewer's scope in SQL, error masking. One request context is made per
// gateway request (the token verified, the viewer and its roles read from the database once, for
// this request alone), and every subgraph fetch of that request shares it, its per-request
// loaders included: a revoked role still stops the very next request.

/**
 * Request context per gateway request: shared by that request's subgraph fetches. A client query
 * reads only (it may run on the read replica, db/read-routing); anything else on the primary.
 */
export type SharedContext = (gateway: GatewayContext, readOnly: boolean) => Promise<RequestContext>;

export function sharedRequestContext(
  contextFor: (
    headers: { authorization?: string },
    options: { readOnly?: boolean },
  ) => Promise<RequestContext>,
): SharedContext {
  const contexts = new WeakMap<GatewayContext, Promise<RequestContext>>();
  return (gateway, readOnly) => {
    let context = contexts.get(gateway);
    if (!context) {
      context = contextFor({ authorization: gateway.authorization }, { readOnly });
      contexts.set(gateway, context);
    }
    return context;
  };
}

/** Planned subgraph operations repeat: each distinct text is parsed and validated once. */
const DOCUMENTS_KEPT = 1_000;

export class InProcessSubgraph implements GraphQLDataSource<GatewayContext> {
  private readonly documents = new Map<string, DocumentNode | readonly GraphQLError[]>();

  constructor(
    readonly name: string,
    private readonly schema: GraphQLSchema,
    private readonly contextOf: SharedContext,
    private readonly logger: Logger,
  ) {}

  private document(query: string): DocumentNode | readonly GraphQLError[] {
    let document = this.documents.get(query);
    if (document === undefined) {
      try {
        const parsed = parse(query);
        const errors = validate(this.schema, parsed);
        document = errors.length > 0 ? errors : parsed;
      } catch (error) {
        document = [error as GraphQLError];
      }
      if (this.documents.size >= DOCUMENTS_KEPT) this.documents.clear();
      this.documents.set(query, document);
    }
    return document;
  }

  private masked(errors: readonly GraphQLError[]): GraphQLFormattedError[] {
    return errors.map((error) => {
      const masked = maskSubgraphError(error.toJSON(), error);
      if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        this.logger.error({ err: error, subgraph: this.name }, 'resolver failed');
      }
      return masked;
    });
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const { request, context } = options;
    const readOnly =
      'incomingRequestContext' in options &&
      options.incomingRequestContext.operation?.operation === 'query';
    const document = this.document(request.query ?? '');
    if (!('kind' in document)) return { errors: this.masked(document) };
    let contextValue: RequestContext;
    try {
      contextValue = await this.contextOf(context, readOnly);
    } catch (error) {
      const refused =
        error instanceof GraphQLError
          ? error
          : new GraphQLError('', { originalError: error as Error });
      return { errors: this.masked([refused]) };
    }
    const result = await execute({
      schema: this.schema,
      document,
      variableValues: request.variables,
      operationName: request.operationName,
      contextValue,
    });
    return result.errors ? { data: result.data, errors: this.masked(result.errors) } : result;
  }
}
