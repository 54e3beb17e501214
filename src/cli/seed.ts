import { Option } from 'commander';
import type { Command } from 'commander';
import { checkDay } from '../days';
import { DEMO_STORY_LINES, SEED_SCALES, seed } from '../ingest/seed/seed';
import type { SeedScale, SeedSummary } from '../ingest/seed/seed';
import { describeDatabase, withDatabase } from './database';
import { EXIT, UsageError, firstLine } from './errors';
import type { CliSession } from './session';

// `licensegraph seed --scale demo|small|bench [--today YYYY-MM-DD] [--json]`: deterministic
// synthetic data (src/ingest/seed). Seeding again writes the same values and changes nothing.
// The usage rows' progress goes to stderr; --json prints one JSON object with the counts instead
// of the lines.

interface SeedCommandOptions {
  scale: SeedScale;
  today?: string;
  json?: boolean;
}

/** One line with every table's count and the speed, for `seed` and `start`. */
export function describeSeed(summary: SeedSummary): string {
  const t = summary.tables;
  return (
    `${t.partners} partners, ${t.customers} customers, ${t.subscriptions} subscriptions ` +
    `(${t.entitlements} entitlements), ${t.clusters} clusters (${t.servers} servers), ` +
    `${t.tenants} tenants, ${t.users} users (${t.roleAssignments} role assignments), ` +
    `${summary.usageRows} usage rows up to ${summary.today}; ${summary.seconds} s, ` +
    `${summary.rowsPerSecond} usage rows/s`
  );
}

/** What to look at in the demo data, after it was written. */
export function printDemoStory(session: CliSession): void {
  for (const line of DEMO_STORY_LINES) session.print(line);
}

async function seedCommand(session: CliSession, options: SeedCommandOptions): Promise<number> {
  session.json = options.json === true;
  if (options.today !== undefined) {
    try {
      checkDay(options.today, '--today');
    } catch (error) {
      throw new UsageError(`seed: ${firstLine(error)}`);
    }
  }
  const where = describeDatabase(session.config.database);
  const summary = await withDatabase(session, async (ds) => {
    const progress = session.progress(`seed ${options.scale}`, { known: true });
    const done = await seed(ds, options.scale, {
      today: options.today,
      log: session.json ? undefined : (line) => session.print(line),
      onProgress: (written, planned) =>
        progress.update({ rows: written, fraction: written / planned }),
    });
    progress.finish({ rows: done.usageRows, fraction: 1 });
    return done;
  });
  if (session.json) {
    session.print(JSON.stringify({ ok: true, database: where, ...summary, problems: [] }));
    return EXIT.OK;
  }
  session.print(`Seeded ${options.scale} into ${where}: ${describeSeed(summary)}`);
  if (options.scale === 'demo') printDemoStory(session);
  return EXIT.OK;
}

export function registerSeed(program: Command, session: CliSession): void {
  program
    .command('seed')
    .description('write deterministic synthetic data (bench: 400 customers, ~3 million usage rows)')
    .addOption(
      new Option('--scale <scale>', 'how much data').choices(SEED_SCALES).makeOptionMandatory(),
    )
    .option('--today <YYYY-MM-DD>', 'the last day of usage (default: today, UTC)')
    .option('--json', 'print one JSON object with the counts instead of lines')
    .action(session.action((options: SeedCommandOptions) => seedCommand(session, options)));
}
