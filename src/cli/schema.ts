import type { Command } from 'commander';
import type { CliSession } from './session';

// `licensegraph schema` (npm run schema): writes each subgraph's SDL, the composed supergraph the
// gateway loads and the API schema clients see into schema/. A test fails when they drift.

async function schema(session: CliSession): Promise<number> {
  // Loaded when needed: composing loads every subgraph, which no other command needs.
  const { writeSchemaFiles } = await import('../schema/schema-files');
  for (const file of await writeSchemaFiles()) session.print(`wrote ${file}`);
  return 0;
}

export function registerSchema(program: Command, session: CliSession): void {
  program
    .command('schema')
    .description('compose the subgraphs and write schema/*.graphql')
    .action(session.action(() => schema(session)));
}
