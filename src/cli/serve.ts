import type { Command } from 'commander';
import { PIECES } from '../config';
import type { Piece } from '../config';
import { withDatabase, withReadRouting } from './database';
import { UsageError } from './errors';
import type { CliSession } from './session';

// `licensegraph serve [--only PIECE[,PIECE]]`: a real deployment runs each piece alone (gateway,
// organizations, subscriptions, usage), the gateway finding the subgraphs at ORGANIZATIONS_URL
// etc. Without --only, everything runs in this process. Nothing is seeded: see `start`.

function parsePieces(only: string | undefined): Piece[] {
  if (only === undefined) return [...PIECES];
  const names = only.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(PIECES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(`serve: --only takes ${PIECES.join(', ')}; got "${only}"`);
  }
  return PIECES.filter((piece) => names.includes(piece));
}

async function serve(session: CliSession, options: { only?: string }): Promise<number> {
  const pieces = parsePieces(options.only);
  // Loaded when needed: the servers' modules would cost every other command tens of MB.
  const { runGraph } = await import('./run-graph');
  if (pieces.length === 1 && pieces[0] === 'gateway') return runGraph(session, null, pieces);
  return withDatabase(
    session,
    (ds) => withReadRouting(session, ds, (reads) => runGraph(session, ds, pieces, { reads })),
    { serving: true },
  );
}

export function registerServe(program: Command, session: CliSession): void {
  program
    .command('serve')
    .description('run the gateway and the subgraphs (or only some of them) until stopped')
    .option('--only <pieces>', `run only these, comma-separated: ${PIECES.join(', ')}`)
    .action(session.action((options: { only?: string }) => serve(session, options)));
}
