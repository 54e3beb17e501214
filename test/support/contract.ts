import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** The project's copy of the API contract agreed with its clients. */
export const CONTRACT_DIR = path.join(ROOT, 'docs', 'contract');

/** The project's example operations: codegen, the playground tabs and the end-to-end tests use them. */
export const OPERATIONS_DIR = path.join(ROOT, 'schema', 'operations');

export function contractFile(...parts: string[]): string {
  return fs.readFileSync(path.join(CONTRACT_DIR, ...parts), 'utf8');
}

export function exampleOperations(): Array<{ name: string; source: string }> {
  return fs
    .readdirSync(OPERATIONS_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({
      name: path.basename(file, '.graphql'),
      source: fs.readFileSync(path.join(OPERATIONS_DIR, file), 'utf8'),
    }));
}

/**
 * Parts of the contract that later issues build. Each entry names its issue; the tests prove they
 * are still missing, so an entry must be removed in the same change that builds it.
 */
export const NOT_YET_BUILT: {
  /** `Type.field` */
  fields: string[];
  /** Whole types */
  types: string[];
  /** `Enum.VALUE` */
  enumValues: string[];
  /** Example operations (schema/operations/NAME.graphql) that do not validate yet. */
  operations: string[];
} = {
  fields: [],
  types: [],
  enumValues: [],
  operations: [],
};
