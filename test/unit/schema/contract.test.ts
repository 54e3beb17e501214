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
import { API_FILE, schemaDir } from '../../../src/schema/schema-files';
import { NOT_YET_BUILT, contractFile, exampleOperations } from '../../support/contract';

const api = buildSchema(fs.readFileSync(path.join(schemaDir(), API_FILE), 'utf8'));
const contract = buildSchema(contractFile('api.graphql'));

const ENUM_VALUE_REMOVED = /^(\w+) was removed from enum type (\w+)\.$/;

function pending(description: string): boolean {
  const [, value, enumName] = ENUM_VALUE_REMOVED.exec(description) ?? [];
  return (
    NOT_YET_BUILT.fields.some((field) => description.startsWith(`${field} `)) ||
    NOT_YET_BUILT.types.some((type) => description === `${type} was removed.`) ||
    (!!value && NOT_YET_BUILT.enumValues.includes(`${enumName}.${value}`))
  );
}

describe('the API against the contract (docs/contract/api.graphql)', () => {
  it('keeps every type, field, argument, default and enum value of the contract', () => {
    const changes = [...findBreakingChanges(contract, api), ...findDangerousChanges(contract, api)]
      .map((change) => change.description)
      .filter((description) => !pending(description));
    expect(changes).toEqual([]);
  });

  it('still lacks exactly the parts that later issues build', () => {
    const missing = findBreakingChanges(contract, api).map((change) => change.description);
    const lacks = (name: string) => missing.some((d) => d.startsWith(`${name} `));
    for (const name of [...NOT_YET_BUILT.fields, ...NOT_YET_BUILT.types]) {
      expect({ name, missing: lacks(name) }).toEqual({ name, missing: true });
    }
    for (const name of NOT_YET_BUILT.enumValues) {
      const [enumName, value] = name.split('.');
      const removed = `${value} was removed from enum type ${enumName}.`;
      expect({ name, missing: missing.includes(removed) }).toEqual({ name, missing: true });
    }
  });
});

describe('example operations (schema/operations)', () => {
  const operations = exampleOperations();

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

  it('each hold one operation named as its file, valid against the contract too', () => {
    for (const { name, source } of operations) {
      const document = parse(source);
      const names = document.definitions.map((definition) =>
        definition.kind === Kind.OPERATION_DEFINITION ? definition.name?.value : definition.kind,
      );
      expect({ name, names }).toEqual({ name, names: [name] });
      if (!NOT_YET_BUILT.operations.includes(name)) {
        expect({ name, errors: validate(contract, document).map((e) => e.message) }).toEqual({
          name,
          errors: [],
        });
      }
    }
  });
});
