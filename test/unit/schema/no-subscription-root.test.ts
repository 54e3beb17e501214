import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { API_FILE, SUPERGRAPH_FILE, schemaDir } from '../../../src/schema/schema-files';
import { NOT_YET_BUILT, exampleOperations } from '../../support/contract';

// GraphQL and Apollo Federation take an object type named `Subscription` for the subscription
// root. The commercial subscription is `LicenseSubscription`, so the API as clients see it (the
// API schema and the supergraph the gateway serves) has no subscription root, and every example
// operation is a query or a mutation that validates against it.

const committed = (file: string) => fs.readFileSync(path.join(schemaDir(), file), 'utf8');
const schemas = {
  [API_FILE]: buildSchema(committed(API_FILE)),
  [SUPERGRAPH_FILE]: buildSchema(committed(SUPERGRAPH_FILE), { assumeValidSDL: true }),
};

describe.each(Object.entries(schemas))('%s', (_file, schema) => {
  it('has no subscription root and no type named Subscription', () => {
    expect(schema.getQueryType()?.name).toBe('Query');
    expect(schema.getSubscriptionType()).toBeFalsy();
    expect(schema.getType('Subscription')).toBeUndefined();
    expect(schema.getType('LicenseSubscription')).toBeDefined();
  });

  it('answers every built example operation as a query or a mutation', () => {
    const operations = exampleOperations().filter(
      ({ name }) => !NOT_YET_BUILT.operations.includes(name),
    );
    expect(operations.length).toBeGreaterThan(0);
    for (const { name, source } of operations) {
      const document = parse(source);
      const kinds = document.definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION ? [d.operation] : [],
      );
      const errors = validate(schema, document).map((error) => error.message);
      expect({ name, kinds: kinds.filter((k) => k === 'subscription'), errors }).toEqual({
        name,
        kinds: [],
        errors: [],
      });
    }
  });
});
