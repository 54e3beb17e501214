import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  Kind,
  parse,
  validate,
} from 'graphql';
import { API_FILE, schemaDir } from '../../../src/gateway/schema-files';
import { NOT_YET_BUILT, contractFile, contractOperations } from '../../support/contract';

const api = buildSchema(fs.readFileSync(path.join(schemaDir(), API_FILE), 'utf8'));
const contract = buildSchema(contractFile('api.graphql'));

function pending(description: string): boolean {
  return (
    NOT_YET_BUILT.fields.some((field) => description.startsWith(`${field} `)) ||
    NOT_YET_BUILT.types.some((type) => description === `${type} was removed.`)
  );
}

describe('the API against the contract (../shared/contract/api.graphql)', () => {
  it('keeps every type, field, argument, default and enum value of the contract', () => {
    const changes = [...findBreakingChanges(contract, api), ...findDangerousChanges(contract, api)]
      .map((change) => change.description)
      .filter((description) => !pending(description));
    expect(changes).toEqual([]);
  });

  it('still lacks exactly the parts that later issues build', () => {
    const missing = findBreakingChanges(contract, api).map((change) => change.description);
    for (const name of [...NOT_YET_BUILT.fields, ...NOT_YET_BUILT.types]) {
      expect({ name, missing: missing.some((d) => d.startsWith(`${name} `)) }).toEqual({
        name,
        missing: true,
      });
    }
  });
});

describe('contract operations', () => {
  const operations = contractOperations();

  it('are all found', () => {
    expect(operations.length).toBeGreaterThanOrEqual(11);
  });

  for (const { name, source } of operations) {
    const built = !NOT_YET_BUILT.operations.includes(name);
    it(`${name} ${built ? 'validates against' : 'does not yet validate against'} the supergraph API`, () => {
      const document = parse(source);
      const errors = validate(api, document).map((error) => error.message);
      // graphql 16 does not report an operation whose root type the schema lacks.
      for (const definition of document.definitions) {
        if (definition.kind === Kind.OPERATION_DEFINITION && !api.getRootType(definition.operation)) {
          errors.push(`the API has no ${definition.operation} type`);
        }
      }
      if (built) expect(errors).toEqual([]);
      else expect(errors).not.toEqual([]);
    });
  }
});
