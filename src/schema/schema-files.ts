import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from './compose';

/** schema/ at the root of the checkout (src/schema → ../../schema, also from dist/src/schema). */
export function schemaDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return path.join(dir, 'schema');
}

export const SUPERGRAPH_FILE = 'supergraph.graphql';
export const API_FILE = 'api.graphql';

/** Every generated schema file and its content, as the code produces them now. */
export async function generateSchemaFiles(): Promise<Record<string, string>> {
  const composed = await composeSupergraph();
  const files: Record<string, string> = {};
  for (const subgraph of composed.subgraphs) files[`${subgraph.name}.graphql`] = subgraph.sdl;
  files[SUPERGRAPH_FILE] = composed.supergraphSdl.endsWith('\n')
    ? composed.supergraphSdl
    : `${composed.supergraphSdl}\n`;
  files[API_FILE] = composed.apiSdl;
  return files;
}

export async function writeSchemaFiles(dir = schemaDir()): Promise<string[]> {
  const files = await generateSchemaFiles();
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    fs.writeFileSync(path.join(dir, name), content);
  }
  return Object.keys(files).map((name) => path.join(dir, name));
}

export function readSupergraph(dir = schemaDir()): string {
  return fs.readFileSync(path.join(dir, SUPERGRAPH_FILE), 'utf8');
}
