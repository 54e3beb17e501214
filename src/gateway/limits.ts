import { GraphQLError, Kind, getVariableValues } from 'graphql';
import type { FragmentDefinitionNode, ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { QueryLimits } from '../config';
import { documentLimitRules } from '../graphql/document-limits';
import type { GatewayContext } from './authenticated-data-source';
import { operationCost } from './cost/operation-cost';

// The gateway's guards, all before any subgraph is asked: the document limits (shared with the
// subgraphs, graphql/document-limits.ts), the cost limit once the variables are known, and the
// response size on the way out (README, Security).

/** Error codes of these refusals; formatGatewayError lets them through. */
export const LIMIT_CODES = ['COST_LIMIT_EXCEEDED', 'RESPONSE_TOO_LARGE'] as const;

/**
 * The cost check needs the request's variables (`first: $first`), which validation rules never
 * see, so it runs as a plugin once the operation is resolved, still before any planning. HTTP 400.
 * The cost it finds is kept in the context: the viewer's rate limit is charged with it.
 */
export function costLimitPlugin(max: number): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, contextValue }) {
          if (!operation) return;
          const coerced = getVariableValues(
            schema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          const fragments = document.definitions.filter(
            (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
          );
          const cost = operationCost(
            schema,
            operation,
            fragments,
            coerced.coerced ?? request.variables ?? {},
          );
          contextValue.cost = cost;
          if (cost > max) {
            throw new GraphQLError(
              `The operation's estimated cost is ${cost}, more than the limit of ${max}: ` +
                'ask for fewer rows (first, shorter ranges, coarser granularity, fewer aliases)',
              {
                extensions: {
                  code: 'COST_LIMIT_EXCEEDED',
                  cost,
                  maxCost: max,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}

/** Depth, alias and directive limits, as validation rules; the cost limit is costLimitPlugin. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return documentLimitRules(limits);
}

/**
 * An answer larger than `max` bytes is replaced by a 400 that points to the CSV export. Apollo
 * Server hands Express the whole body as one string, so its size is known before it is sent.
 */
export function responseSizeLimit(max: number): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (typeof body === 'string' && Buffer.byteLength(body) > max) {
        res.status(400).type('application/json');
        return send(
          JSON.stringify({
            errors: [
              {
                message:
                  `The answer is larger than ${max} bytes: ask for less (first, fewer fields or ` +
                  'aliases, shorter ranges), or export usage as CSV with GET /reports/usage.csv',
                extensions: { code: 'RESPONSE_TOO_LARGE', maxResponseBytes: max },
              },
            ],
          }),
        );
      }
      return send(body);
    };
    next();
  };
}
