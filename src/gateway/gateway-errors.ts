import type { GraphQLFormattedError } from 'graphql';
import { maskError } from '../graphql/errors';

/**
 * A subgraph's public errors and the gateway's own "service unavailable" pass through; anything
 * else becomes a generic internal error. Nothing carries a URL, a network error or a stack.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (formatted.extensions?.code === 'SUBGRAPH_UNAVAILABLE') {
    return {
      message: formatted.message,
      path: formatted.path,
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: formatted.extensions.service },
    };
  }
  return maskError(formatted);
}
