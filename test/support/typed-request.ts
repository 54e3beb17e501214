import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { GraphQLBody, TestStack } from './stack';

/** Sends a typed document (GraphQL Code Generator) through the gateway as the given user. */
export async function send<Result, Variables extends Record<string, unknown>>(
  stack: TestStack,
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
  userId: string | null,
): Promise<{ status: number; data: Result | null | undefined; errors: GraphQLBody['errors'] }> {
  const headers: Record<string, string> = userId
    ? { authorization: `Bearer ${await stack.token(userId)}` }
    : {};
  const { status, body } = await stack.request(print(document), variables, headers);
  return { status, data: body.data as Result | null | undefined, errors: body.errors };
}
