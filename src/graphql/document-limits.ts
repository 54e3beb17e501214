import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { RequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import type { ParseOptions, ValidationContext, ValidationRule } from 'graphql';
import type { QueryLimits } from '../config';

// Document limits, checked by the gateway and by every subgraph before anything is planned or
// run (README, Security). Characters before parsing, tokens while parsing (graphql-js stops at
// the limit), depth, aliases and directives as validation rules. The graphql-armor rules count
// after fragment expansion and remember each fragment's count, so a document of fragments each
// spreading the previous one ten times is counted in time linear in its length, and a fragment
// cycle ends (graphql-js reports the cycle itself). Apollo Server answers a validation error
// with HTTP 400 and GRAPHQL_VALIDATION_FAILED; `extensions.limit` names the limit.

export type DocumentLimits = Pick<
  QueryLimits,
  'maxDepth' | 'maxAliases' | 'maxTokens' | 'maxCharacters' | 'maxDirectives'
>;

type LimitName = 'depth' | 'aliases' | 'directives';

/** armor throws by default, which graphql-js passes on as a crash (500); report it instead. */
function reportTo(limit: LimitName, message: (found: number) => string) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) => {
        const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? NaN);
        context?.reportError(new GraphQLError(message(found), { extensions: { limit } }));
      },
    ],
  };
}

/** Depth, aliases and directives, for Apollo Server's `validationRules`. */
export function documentLimitRules(limits: DocumentLimits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxDepth,
      flattenFragments: true,
      ...reportTo(
        'depth',
        (found) =>
          `The operation nests ${found} levels deep; at most ${limits.maxDepth} are allowed`,
      ),
    }) as ValidationRule,
    maxAliasesRule({
      n: limits.maxAliases,
      ...reportTo(
        'aliases',
        (found) =>
          `The operation uses ${found} aliases (fragments expanded); at most ${limits.maxAliases} are allowed`,
      ),
    }) as ValidationRule,
    maxDirectivesRule({
      n: limits.maxDirectives,
      ...reportTo(
        'directives',
        (found) =>
          `The operation uses ${found} directives (fragments expanded); at most ${limits.maxDirectives} are allowed`,
      ),
    }) as ValidationRule,
  ];
}

/** For Apollo Server's `parseOptions`: graphql-js stops parsing past the token limit (400). */
export function documentParseOptions(limits: DocumentLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

function queryText(body: unknown, query: unknown): unknown {
  if (body && typeof body === 'object' && 'query' in body) return body.query;
  if (query && typeof query === 'object' && 'query' in query) return query.query;
  return undefined;
}

/**
 * Refuses a document longer than the limit before it is parsed: HTTP 400 with
 * GRAPHQL_PARSE_FAILED, like the token limit. Mounted after the JSON body parser.
 */
export function documentCharacterLimit(limits: DocumentLimits): RequestHandler {
  return (req, res, next) => {
    const text = queryText(req.body, req.query);
    if (typeof text !== 'string' || text.length <= limits.maxCharacters) {
      next();
      return;
    }
    res.status(400).json({
      errors: [
        {
          message: `The document has ${text.length} characters; at most ${limits.maxCharacters} are allowed`,
          extensions: { code: 'GRAPHQL_PARSE_FAILED', limit: 'characters' },
        },
      ],
    });
  };
}
