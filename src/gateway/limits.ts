import depthLimit from 'graphql-depth-limit';
import { GraphQLError } from 'graphql';
import type { ASTVisitor, ValidationContext, ValidationRule } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { getComplexity, simpleEstimator } from 'graphql-query-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import type { QueryLimits } from '../config';

// Guards that refuse an abusive operation before any subgraph is asked: too deep, too
// many aliases (one request fanning out into many lookups), or too costly. Every field costs 1; a
// connection's subtree counts once per requested row (`first`, default 50).

function aliasLimit(max: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias && ++aliases === max + 1) {
          context.reportError(
            new GraphQLError(`The operation uses more than ${max} aliases`, {
              nodes: [node],
              extensions: { code: 'BAD_USER_INPUT' },
            }),
          );
        }
      },
    };
  };
}

const pagedEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (!('first' in args)) return undefined;
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : 50;
  return 1 + childComplexity * first;
};

/**
 * The cost check needs the request's variables (`first: $first`), which validation rules never
 * see, so it runs as a plugin once the operation is resolved, still before any subgraph is asked.
 */
export function costLimitPlugin(max: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = getComplexity({
            schema,
            query: document,
            variables: request.variables ?? {},
            operationName: request.operationName ?? undefined,
            estimators: [pagedEstimator, simpleEstimator({ defaultComplexity: 1 })],
          });
          if (cost > max) {
            throw new GraphQLError(`The operation costs ${cost}, more than the limit of ${max}`, {
              extensions: { code: 'BAD_USER_INPUT' },
            });
          }
        },
      };
    },
  };
}

/** Depth and alias limits, as validation rules; the cost limit is costLimitPlugin. */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [depthLimit(limits.maxDepth) as ValidationRule, aliasLimit(limits.maxAliases)];
}
