import { RemoteGraphQLDataSource } from '@apollo/gateway';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import type { SubgraphName } from '../config';
import { GATEWAY_SECRET_HEADER } from '../http/gateway-secret';
import { subgraphFetcher } from './subgraph-fetcher';

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];

export interface GatewayContext {
  authorization?: string;
  /** The verified token's user: whose rate limit the operation draws on. */
  userId?: string;
  /** The operation's estimated cost (costLimitPlugin): what it takes from the viewer's budget. */
  cost?: number;
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
 * Forwards the client's Authorization header (each subgraph verifies the token again) with the
 * gateway's secret (the subgraphs answer nobody else), and turns
 * a subgraph that cannot be reached into an error naming it, instead of the network error, which
 * would carry its address.
 */
export class AuthenticatedDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    readonly service: SubgraphName,
    url: string,
    private readonly gatewaySecret: string,
    timeoutSeconds: number,
    /** Aborted when a stopping gateway gives up on its requests under way. */
    shutdown?: AbortSignal,
  ) {
    super({ url, fetcher: subgraphFetcher(timeoutSeconds, shutdown, service) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>) {
    request.http?.headers.set(GATEWAY_SECRET_HEADER, this.gatewaySecret);
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
  }

  /**
   * A subgraph that refused the whole request (400 for a value it could not coerce, 401) said why
   * in its own GraphQL errors: the first one is passed on, code and message, and nothing of the
   * HTTP exchange (Apollo's default carries the subgraph's URL). formatGatewayError then masks
   * what is not a public code.
   */
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    const first = (body as { errors?: Array<{ message?: unknown; extensions?: unknown }> } | null)
      ?.errors?.[0];
    const code = (first?.extensions as { code?: unknown } | undefined)?.code;
    if (typeof first?.message === 'string' && typeof code === 'string') {
      return new GraphQLError(first.message, { extensions: { code } });
    }
    return new GraphQLError(`The ${this.service} service refused the request`, {
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  }

  override didEncounterError(error: Error, _request: unknown, response?: unknown): void {
    // With a response the subgraph answered (its errors carry their own codes); without one it
    // could not be reached at all.
    if (response) throw error;
    throw subgraphUnavailable(this.service);
  }
}
