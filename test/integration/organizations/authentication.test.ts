import { Kind, parse } from 'graphql';
import type { ObjectTypeDefinitionNode } from 'graphql';
import { organizationsSubgraph } from '../../../src/subgraphs/organizations';
import { builtSubgraph, entitiesQuery } from '../../support/subgraph';
import { errorCodes, representations, useOrganizationsDatabase } from './setup';

// A request without a token: every entry point of the subgraph answers UNAUTHENTICATED and no
// data, except `_service`, which only tells the SDL (the gateway composes it without a token).

const env = useOrganizationsDatabase();

/** One operation per Query field; the test fails when a field is added without one here. */
const ENTRY_POINTS: Record<
  string,
  {
    source: string;
    variables?: Record<string, unknown>;
    /** What a known user without roles gets when it is not an answer (the audit log says so). */
    withoutRoles?: 'FORBIDDEN';
  }
> = {
  viewer: { source: '{ viewer { user { id } } }' },
  partner: { source: '{ partner(id: "p-north") { id name } }' },
  customer: { source: '{ customer(id: "c-acme") { id name } }' },
  customers: { source: '{ customers { totalCount nodes { id } } }' },
  roleAuditLog: {
    source: '{ roleAuditLog(customerId: "c-acme") { totalCount } }',
    withoutRoles: 'FORBIDDEN',
  },
  _entities: {
    source: entitiesQuery('Customer', 'id name'),
    variables: representations('Customer', ['c-acme']),
  },
};

describe('without a token', () => {
  it('has an entry point listed here for every Query field but _service', async () => {
    const { schema } = await builtSubgraph(organizationsSubgraph);
    const fields = Object.keys(schema.getQueryType()!.getFields()).filter((f) => f !== '_service');
    expect(fields.sort()).toEqual(Object.keys(ENTRY_POINTS).sort());
  });

  it.each(Object.entries(ENTRY_POINTS))('refuses %s as UNAUTHENTICATED', async (field, op) => {
    const result = await env.run(null, op.source, op.variables);
    expect({ field, errors: errorCodes(result) }).toEqual({
      field,
      errors: [{ code: 'UNAUTHENTICATED', argumentName: undefined }],
    });
    // Nothing of the answer gets through: the field is null, or the whole data when it is non-null.
    const data = result.data as Record<string, unknown> | null;
    expect(data === null || data[field] === null).toBe(true);
  });

  it('answers _service { sdl } with the subgraph SDL', async () => {
    const result = await env.run(null, '{ _service { sdl } }');
    expect(result.errors).toBeUndefined();
    const { sdl } = (result.data as { _service: { sdl: string } })._service;
    for (const entity of ['Partner', 'Customer', 'User', 'RoleAssignment']) {
      expect(sdl).toMatch(new RegExp(`type ${entity}\\s+@key\\(fields: "id"\\)`));
    }
    const query = parse(sdl).definitions.find(
      (d): d is ObjectTypeDefinitionNode =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query',
    );
    const entryPoints = Object.keys(ENTRY_POINTS).filter((f) => f !== '_entities');
    expect(query?.fields?.map((f) => f.name.value)).toEqual(expect.arrayContaining(entryPoints));
  });

  it('gives the same entry points to any known user, even one without roles', async () => {
    for (const [field, op] of Object.entries(ENTRY_POINTS)) {
      const result = await env.run('u-none', op.source, op.variables);
      const codes = result.errors?.map((e) => e.extensions?.code);
      expect({ field, codes }).toEqual({ field, codes: op.withoutRoles && [op.withoutRoles] });
    }
  });
});
