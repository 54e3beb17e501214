import type { Command } from 'commander';
import type { DataSource } from 'typeorm';
import { resolveJwtSecret } from '../auth/secret';
import { signToken } from '../auth/sign-token';
import { User } from '../db/entities';
import { DEMO_USER_ID, isDatabaseEmpty, seed } from '../ingest/seed/seed';
import { describeDatabase, withDatabase } from './database';
import { PIECES } from '../config';
import { describeSeed, printDemoStory } from './seed';
import type { CliSession } from './session';

// `licensegraph start` (npm start): the embedded setup. Opens the configured database (by default
// a SQLite file under ./data/), loads the demo data when the database is empty, prints a token for
// the demo user, and runs the gateway and the three subgraphs in this process until stopped.

/** Lifetime of the token `start` prints: a working day at the playground, and then some. */
export const DEMO_TOKEN_TTL = '24h';

/** Loads the demo data into an empty database; leaves a database with data alone. */
export async function loadDemoDataIfEmpty(session: CliSession, ds: DataSource): Promise<void> {
  const where = describeDatabase(session.config.database);
  if (!(await isDatabaseEmpty(ds))) {
    session.print(
      `${where} holds data already: left as it is (demo data loads into an empty one).`,
    );
    return;
  }
  session.print(`${where} is empty: loading the demo data...`);
  const summary = await seed(ds, 'demo', { log: (line) => session.logger.debug(line) });
  session.print(`Loaded the demo data: ${describeSeed(summary)}`);
  printDemoStory(session);
}

/** A token for the demo user, or null (with the reason printed) when none can be made. */
export async function demoToken(session: CliSession, ds: DataSource): Promise<string | null> {
  const { jwt, dataDir } = session.config;
  const secret = await resolveJwtSecret(jwt, dataDir);
  if (secret === null) {
    session.print('Tokens come from your identity provider (JWT_JWKS_URL); no demo token.');
    return null;
  }
  if (!(await ds.getRepository(User).existsBy({ id: DEMO_USER_ID }))) {
    session.print(
      `There is no demo user ${DEMO_USER_ID} in this database; make a token for one of its ` +
        'users with `licensegraph token --user <id>`.',
    );
    return null;
  }
  return signToken(
    { userId: DEMO_USER_ID, ttl: DEMO_TOKEN_TTL },
    { secret, issuer: jwt.issuer, audience: jwt.audience },
  );
}

async function start(session: CliSession): Promise<number> {
  return withDatabase(
    session,
    async (ds) => {
      await loadDemoDataIfEmpty(session, ds);
      const token = await demoToken(session, ds);
      if (token !== null) {
        session.print(`Demo token for ${DEMO_USER_ID} (valid ${DEMO_TOKEN_TTL}):`);
        session.print(token);
      }
      // Loaded when needed: the servers' modules would cost every other command tens of MB.
      const { runGraph } = await import('./run-graph');
      return runGraph(session, ds, PIECES, { demoToken: token, reportWorker: true });
    },
    { serving: true },
  );
}

export function registerStart(program: Command, session: CliSession): void {
  program
    .command('start')
    .description(
      'embedded setup: load demo data into an empty database, print a demo token, run everything',
    )
    .action(session.action(() => start(session)));
}
