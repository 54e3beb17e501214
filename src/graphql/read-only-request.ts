import { Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';

// Whether a GraphQL request over HTTP only reads, so that it may run on the read replica
// (db/read-routing). Decided before Apollo Server parses the document, from the same body: a
// document that does not parse, or whose operation cannot be told, counts as a write and goes to
// the primary (Apollo then refuses it anyway). Only asked when there is a replica.

export function isReadOnlyRequest(body: unknown): boolean {
  const { query, operationName } = (body ?? {}) as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return false;
  let operations: OperationDefinitionNode[];
  try {
    operations = parse(query, { noLocation: true }).definitions.filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
  } catch {
    return false;
  }
  const chosen =
    typeof operationName === 'string'
      ? operations.find((operation) => operation.name?.value === operationName)
      : operations.length === 1
        ? operations[0]
        : undefined;
  return chosen?.operation === 'query';
}
