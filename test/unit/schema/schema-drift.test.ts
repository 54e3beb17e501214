import fs from 'node:fs';
import path from 'node:path';
import { generateSchemaFiles, schemaDir } from '../../../src/schema/schema-files';

describe('committed schema/ files', () => {
  it('are exactly what the code produces (run `npm run schema` after changing a type)', async () => {
    const generated = await generateSchemaFiles();
    const committed = Object.fromEntries(
      fs
        .readdirSync(schemaDir())
        .filter((file) => file.endsWith('.graphql'))
        .map((file) => [file, fs.readFileSync(path.join(schemaDir(), file), 'utf8')]),
    );
    expect(Object.keys(committed).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, content] of Object.entries(generated)) {
      expect({ file, content: committed[file] }).toEqual({ file, content });
    }
  });
});
