import fs from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// The folder boundaries and the ban on import cycles (eslint.boundaries.cjs, part of `npm run
// lint`) on small trees laid out like src/: each fixture under test/fixtures/lint/ is linted with
// the rules rooted at it, as the project's own lint roots them at the checkout.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { boundaries } = require('../../../eslint.boundaries.cjs') as {
  boundaries: (basePath: string) => Record<string, unknown>;
};

const FIXTURES = path.resolve(__dirname, '../../fixtures/lint');

/** "file: rule" for every problem ESLint reports in the fixture. */
async function lint(fixture: string): Promise<string[]> {
  const cwd = path.join(FIXTURES, fixture);
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    ignore: false,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      boundaries(cwd),
    ],
  });
  // lintText, file by file: lintFiles globs through a dynamic import that jest cannot run.
  const files = fs
    .readdirSync(cwd, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(cwd, file));
  const results = (
    await Promise.all(
      files.map((file) => eslint.lintText(fs.readFileSync(file, 'utf8'), { filePath: file })),
    )
  ).flat();
  return results
    .flatMap((result) =>
      result.messages.map(
        (message) => `${path.relative(cwd, result.filePath)}: ${message.ruleId ?? message.message}`,
      ),
    )
    .sort();
}

describe('lint of the folder boundaries', () => {
  it('passes a tree whose imports point one way', async () => {
    expect(await lint('clean')).toEqual([]);
  });

  it('fails a new import cycle', async () => {
    expect(await lint('cycle')).toEqual([
      'src/db/data-source.ts: import-x/no-cycle',
      'src/db/rollups.ts: import-x/no-cycle',
    ]);
  });

  it('fails a forbidden import: gateway → subgraph, subgraph → subgraph, db → ingest, migration → src', async () => {
    expect(await lint('forbidden')).toEqual([
      'migrations/1-fill.ts: import-x/no-restricted-paths',
      'src/db/rollups.ts: import-x/no-restricted-paths',
      'src/gateway/modules.ts: import-x/no-restricted-paths',
      'src/subgraphs/organizations/resolver.ts: import-x/no-restricted-paths',
    ]);
  });
});
