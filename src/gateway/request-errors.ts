import type { ApolloServerPlugin } from '@apollo/server';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  GraphQLError,
  TypeInfo,
  ValidationContext,
  ValuesOfCorrectTypeRule,
  getVariableValues,
  visit,
  visitInParallel,
  visitWithTypeInfo,
} from 'graphql';
import type { ASTVisitor, DocumentNode, GraphQLSchema, GraphQLScalarType } from 'graphql';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';

// What a client did wrong is told as such, with its own code and HTTP 400, before any planning:
// an unknown operation name (OPERATION_RESOLUTION_FAILURE), a missing or mistyped variable, a
// malformed Date or DateTime anywhere, literal or variable, at any depth (BAD_USER_INPUT naming the
// argument or variable). The gateway's supergraph knows Date and DateTime only by name, so it would
// pass a bad day on to a subgraph and report the subgraph's refusal as its own failure.

const STRICT_SCALARS: Record<string, GraphQLScalarType> = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
};

/** The API schema with the real scalars, built once per schema the gateway serves. */
const strictSchemas = new WeakMap<GraphQLSchema, GraphQLSchema>();
function strictSchema(schema: GraphQLSchema): GraphQLSchema {
  let strict = strictSchemas.get(schema);
  if (!strict) {
    strict = mapSchema(schema, {
      [MapperKind.SCALAR_TYPE]: (type) => STRICT_SCALARS[type.name] ?? type,
    });
    strictSchemas.set(schema, strict);
  }
  return strict;
}

export function requestError(
  message: string,
  code: 'BAD_USER_INPUT' | 'OPERATION_RESOLUTION_FAILURE',
  argumentName?: string,
): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code, ...(argumentName ? { argumentName } : {}), http: { status: 400 } },
  });
}

/** A literal that its type refuses (`asOf: "2026-13-01"`), named by its argument. */
function badLiteral(schema: GraphQLSchema, document: DocumentNode): GraphQLError | null {
  const strict = strictSchema(schema);
  const typeInfo = new TypeInfo(strict);
  let argument: string | undefined;
  let found: GraphQLError | null = null;
  const context = new ValidationContext(strict, document, typeInfo, (error) => {
    const message = argument ? `Argument "${argument}": ${error.message}` : error.message;
    found ??= requestError(message, 'BAD_USER_INPUT', argument);
  });
  const currentArgument: ASTVisitor = {
    Argument: {
      enter: (node) => void (argument = node.name.value),
      leave: () => void (argument = undefined),
    },
  };
  visit(
    document,
    visitWithTypeInfo(
      typeInfo,
      visitInParallel([currentArgument, ValuesOfCorrectTypeRule(context)]),
    ),
  );
  return found;
}

/**
 * Refuses, with 400, an operation name the document does not have and values that cannot be
 * coerced; runs first among the plugins, before the cost and rate limits read the variables.
 */
export function requestErrorsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) {
            throw requestError(
              request.operationName
                ? `Unknown operation named "${request.operationName}"`
                : 'The document has several operations: name the one to run (operationName)',
              'OPERATION_RESOLUTION_FAILURE',
            );
          }
          const literal = badLiteral(schema, document);
          if (literal) throw literal;
          const coerced = getVariableValues(
            strictSchema(schema),
            operation.variableDefinitions ?? [],
            request.variables ?? {},
            { maxErrors: 1 },
          );
          if (coerced.errors) {
            // graphql-js names the variable and the path inside it: Variable "$records" got
            // invalid value "x" at "records[2].date"; Date must be a calendar day...
            throw requestError(coerced.errors[0].message, 'BAD_USER_INPUT');
          }
        },
      };
    },
  };
}
