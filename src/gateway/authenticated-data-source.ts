import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { SubgraphName } from '../config';

export interface GatewayContext {
  authorization?: string;
}

/** The one error a client sees when a subgraph cannot be reached: which part, nothing more. */
export function subgraphUnavailable(service: string): GraphQLError {
  return new GraphQLError(
    `The ${service} service could not answer; its part of the result is missing`,
    {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service },
    },
  );
}

/**
 * Forwards the client's Authorization header (each subgraph verifies the token again), and turns
 * a subgraph that cannot be reached into an error naming it, instead of the network error, which
 * would carry its address.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly service: SubgraphName,
    url: string,
  ) {
    super({ url });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  override didEncounterError(error: Error, _request: unknown, response?: unknown): void {
    // With a response the subgraph answered (its errors carry their own codes); without one it
    // could not be reached at all.
    if (response) throw error;
    throw subgraphUnavailable(this.service);
  }
}
