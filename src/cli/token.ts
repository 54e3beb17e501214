import type { Command } from 'commander';
import { resolveJwtSecret } from '../auth/secret';
import { DEFAULT_TTL, parseTtl, signToken } from '../auth/sign-token';
import { User } from '../db/entities';
import { describeDatabase, withDatabase } from './database';
import { CliError, EXIT, UsageError, firstLine } from './errors';
import type { CliSession } from './session';

// `licensegraph token --user ID [--ttl 1h]` prints a bearer token signed with the configured
// HS256 secret (JWT_SECRET, or the one the embedded setup keeps under DATA_DIR), and nothing else
// on stdout, so that `TOKEN=$(licensegraph token --user u-ann)` works.

interface TokenOptions {
  user: string;
  ttl: string;
}

async function tokenCommand(session: CliSession, options: TokenOptions): Promise<number> {
  const userId = options.user.trim();
  if (userId === '') throw new UsageError('token: --user needs a user id');
  try {
    parseTtl(options.ttl);
  } catch (error) {
    throw new UsageError(`token: --ttl: ${firstLine(error)}`);
  }
  const { jwt, dataDir, database } = session.config;
  const secret = await resolveJwtSecret(jwt, dataDir);
  if (secret === null) {
    throw new CliError(
      'token: JWT_JWKS_URL is set, so tokens come from your identity provider; this command ' +
        'signs only with a shared secret (set JWT_SECRET to sign test tokens).',
    );
  }
  const known = await withDatabase(session, (ds) =>
    ds.getRepository(User).existsBy({ id: userId }),
  );
  if (!known) {
    throw new CliError(
      `token: there is no user "${userId}" in ${describeDatabase(database)}; ` +
        'import the user first (licensegraph import) or pick an existing id.',
    );
  }
  session.print(
    await signToken(
      { userId, ttl: options.ttl },
      { secret, issuer: jwt.issuer, audience: jwt.audience },
    ),
  );
  return EXIT.OK;
}

export function registerToken(program: Command, session: CliSession): void {
  program
    .command('token')
    .description('print a signed bearer token for a user of the database (stdout: the token only)')
    .requiredOption('--user <id>', 'the user id, the token subject')
    .option('--ttl <duration>', 'lifetime: 90s, 15m, 1h, 7d (at most 30d)', DEFAULT_TTL)
    .action(session.action((options: TokenOptions) => tokenCommand(session, options)));
}
