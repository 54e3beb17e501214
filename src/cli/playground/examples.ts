import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import { todayUtc } from '../../days';
import { schemaDir } from '../../schema/schema-files';
import type { PlaygroundExample } from '../../gateway/playground';
import { demoExampleVariables } from './example-variables';

/** schema/operations: the project's example operations (codegen and end-to-end tests use them too). */
export function exampleOperationsDir(): string {
  return path.join(schemaDir(), 'operations');
}

function operationKind(file: string, source: string): OperationDefinitionNode['operation'] {
  try {
    const operation = parse(source).definitions.find(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION,
    );
    if (operation) return operation.operation;
  } catch (error) {
    throw new Error(`Example operation ${file} does not parse: ${(error as Error).message}`);
  }
  throw new Error(`Example operation ${file} holds no operation`);
}

/**
 * The example operations as playground tabs, with variables pointing into the demo data.
 * Viewer comes first because it needs no variables and works for every user; then the other
 * queries, then the mutations, each by name. No folder (an installation that left schema/ out)
 * means no examples.
 */
export function loadContractExamples(
  options: { dir?: string; today?: string } = {},
): PlaygroundExample[] {
  const dir = options.dir ?? exampleOperationsDir();
  if (!fs.existsSync(dir)) return [];
  const variables = demoExampleVariables(options.today ?? todayUtc());
  const rank = (example: { name: string; kind: string }) =>
    example.name === 'Viewer' ? 0 : example.kind === 'query' ? 1 : 2;
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => {
      const query = fs.readFileSync(path.join(dir, file), 'utf8');
      const name = path.basename(file, '.graphql');
      return { name, query, kind: operationKind(file, query), variables: variables[name] };
    })
    .sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
    .map(({ name, query, variables: example }) =>
      example ? { name, query, variables: example } : { name, query },
    );
}
