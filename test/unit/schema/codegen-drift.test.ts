import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

// The typed documents the end-to-end tests use are committed; they must be what GraphQL Code
// Generator makes of codegen.yml today (after a schema or contract operation change, run
// `npm run codegen`). codegen.yml is read by the CLI's own loader (loadCodegenConfig), as
// `graphql-codegen` reads it, and generate(config, false) returns the outputs without writing.
//
// That API runs in a child Node process, as `npm run codegen` runs it: the CLI loads its config and
// plugins with its own module loading, outside jest's module registry.

const root = path.resolve(__dirname, '../../..');

const GENERATE = `
const { generate, loadCodegenConfig } = require('@graphql-codegen/cli');
(async () => {
  const { config, filepath } = await loadCodegenConfig({ configFilePath: process.cwd() });
  const outputs = await generate({ ...config, cwd: process.cwd(), silent: true }, false);
  process.stdout.write(JSON.stringify({
    filepath,
    declared: Object.keys(config.generates),
    outputs: outputs.map(({ filename, content }) => ({ filename, content })),
  }));
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
`;

interface Generated {
  filepath: string;
  declared: string[];
  outputs: Array<{ filename: string; content: string }>;
}

async function generateWithCodegen(): Promise<Generated> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', GENERATE], {
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Generated;
}

describe('committed test/generated/ files', () => {
  it('are exactly what codegen.yml produces (run `npm run codegen` after a change)', async () => {
    const generated = await generateWithCodegen();
    expect(path.relative(root, generated.filepath)).toBe('codegen.yml');
    expect(generated.outputs.map((output) => output.filename).sort()).toEqual(
      [...generated.declared].sort(),
    );
    expect(generated.outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of generated.outputs) {
      const committed = fs.readFileSync(path.join(root, filename), 'utf8');
      expect({ filename, content: committed }).toEqual({ filename, content });
    }
  });
});
