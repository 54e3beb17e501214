import type { Command } from 'commander';
import { ConfigError } from '../../config';
import type { Config } from '../../config';
import { EXIT } from '../errors';
import type { CliSession } from '../session';
import { describeDatabase } from '../database';
import { CheckTimeout, passwordOf, reason, showUrl, withTimeout } from './check';
import type { CheckResult } from './check';
import { checkDatabase } from './database-check';
import { checkJwt } from './jwt-check';
import { checkRedis } from './redis-check';
import { checkSmtp } from './smtp-check';
import { subgraphChecks } from './subgraphs-check';

// `licensegraph doctor [--json]`: reads the configuration and checks what a deployment needs,
// each with one line: the database answers and its migrations are current, tokens can be
// verified, Redis and SMTP answer when configured, and the subgraphs the gateway is told about
// are ready. Every check gives up after DOCTOR_TIMEOUT_SECONDS. Exit 0 when none failed, 1 when
// one did, 78 when the configuration itself is wrong. No secret is ever printed.

interface Check {
  name: string;
  /** What it reaches, for the line of a failure (a URL without its password). */
  target: string;
  run: () => Promise<CheckResult>;
}

function checksOf(config: Config): Check[] {
  const ms = config.operations.checkTimeoutMs;
  const { smtpUrl, subgraphUrlsSet } = config.operations;
  const { redisUrl } = config.rateLimits;
  const subgraphs = subgraphChecks(subgraphUrlsSet ? config.subgraphUrls : null, ms);
  return [
    {
      name: 'database',
      target: describeDatabase(config.database),
      run: () => checkDatabase(config.database, ms),
    },
    {
      name: 'jwt',
      target: config.jwt.jwksUrl === null ? 'JWT secret' : `JWKS ${showUrl(config.jwt.jwksUrl)}`,
      run: () => checkJwt(config.jwt, config.dataDir, ms),
    },
    { name: 'redis', target: shown(redisUrl), run: () => checkRedis(redisUrl, ms) },
    { name: 'smtp', target: shown(smtpUrl), run: () => checkSmtp(smtpUrl, ms) },
    ...(subgraphs.length > 0
      ? subgraphs
      : [
          {
            name: 'subgraphs',
            target: '',
            run: async (): Promise<CheckResult> => ({
              name: 'subgraphs',
              status: 'skip',
              detail: 'no ORGANIZATIONS_URL, SUBSCRIPTIONS_URL or USAGE_URL: one process runs all',
            }),
          },
        ]),
  ];
}

function shown(url: string | null): string {
  return url === null ? '' : showUrl(url);
}

/** Every secret the configuration holds, to be kept out of any message. */
function secretsOf(config: Config): string[] {
  const { database, jwt, operations } = config;
  return [
    ...(jwt.secret === null ? [] : [jwt.secret]),
    ...passwordOf(database.kind === 'mysql' ? database.url : null),
    ...passwordOf(config.rateLimits.redisUrl),
    ...passwordOf(operations.smtpUrl),
  ];
}

async function runChecks(config: Config): Promise<CheckResult[]> {
  const secrets = secretsOf(config);
  const ms = config.operations.checkTimeoutMs;
  return Promise.all(
    checksOf(config).map(async ({ name, target, run }) => {
      try {
        const result = await withTimeout(run(), ms);
        return { ...result, detail: reason(result.detail, secrets) };
      } catch (error) {
        const why = error instanceof CheckTimeout ? error.message : reason(error, secrets);
        return { name, status: 'fail' as const, detail: `${target}: ${why}` };
      }
    }),
  );
}

function printLines(session: CliSession, results: CheckResult[]): void {
  const width = Math.max(...results.map((r) => r.name.length));
  const mark = { ok: 'ok  ', fail: 'FAIL', skip: 'skip' } as const;
  for (const r of results) session.print(`${mark[r.status]}  ${r.name.padEnd(width)}  ${r.detail}`);
  const failed = results.filter((r) => r.status === 'fail').length;
  session.print(failed === 0 ? 'doctor: every check passed' : `doctor: ${failed} check(s) failed`);
}

async function doctor(session: CliSession, options: { json?: boolean }): Promise<number> {
  session.json = options.json === true;
  let results: CheckResult[];
  try {
    const { config } = session;
    results = [{ name: 'configuration', status: 'ok', detail: 'every variable is valid' }];
    results.push(...(await runChecks(config)));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // The message names the variable and the rule, never a secret's value.
    results = [{ name: 'configuration', status: 'fail', detail: error.message }];
  }
  const failures = results.filter((r) => r.status === 'fail');
  if (session.json) {
    const problems = failures.map((r) => `${r.name}: ${r.detail}`);
    session.print(JSON.stringify({ ok: failures.length === 0, checks: results, problems }));
  } else {
    printLines(session, results);
  }
  if (results[0].status === 'fail') return EXIT.CONFIG;
  return failures.length === 0 ? EXIT.OK : EXIT.FAILURE;
}

export function registerDoctor(program: Command, session: CliSession): void {
  program
    .command('doctor')
    .description(
      'check the configuration, database, tokens, Redis, SMTP and subgraphs (exit 1 on a failure)',
    )
    .option('--json', 'print one JSON object with every check and the problems')
    .action(session.action((options: { json?: boolean }) => doctor(session, options)));
}
