import { composeServices } from '@apollo/composition';
import { buildSchema, parse } from 'graphql';
import type { GraphQLObjectType } from 'graphql';
import { buildAllSubgraphs } from '../../../src/schema/compose';
import type { BuiltSubgraph } from '../../../src/graphql/build-subgraph-schema';

// LicenseSubscription is an entity like any other: the subscriptions subgraph owns it, the usage
// subgraph adds its usage numbers through a reference by id, and any further subgraph may add
// fields too. Composition takes the subgraphs as they are, with no special case for the name.

let subgraphs: BuiltSubgraph[];

beforeAll(async () => {
  subgraphs = await buildAllSubgraphs();
});

const ofName = (name: string) => subgraphs.find((s) => s.name === name)!;

function compose(extra: Array<{ name: string; sdl: string }> = []) {
  return composeServices([
    ...subgraphs.map((s) => ({ name: s.name, typeDefs: s.typeDefs, url: `http://${s.name}` })),
    ...extra.map((e) => ({ name: e.name, typeDefs: parse(e.sdl), url: `http://${e.name}` })),
  ]);
}

/** The subgraphs that resolve a field of the composed supergraph, from its @join__field. */
function graphsOf(supergraphSdl: string, typename: string, field: string): string[] {
  const schema = buildSchema(supergraphSdl, { assumeValidSDL: true });
  const node = (schema.getType(typename) as GraphQLObjectType).getFields()[field].astNode!;
  return (node.directives ?? [])
    .filter((d) => d.name.value === 'join__field')
    .flatMap((d) => d.arguments ?? [])
    .filter((a) => a.name.value === 'graph')
    .map((a) => (a.value.kind === 'EnumValue' ? a.value.value : ''));
}

describe('LicenseSubscription across subgraphs', () => {
  it('is extended by the usage subgraph, keyed by id, with its license summary', () => {
    const usage = ofName('usage').schema;
    expect(usage.getSubscriptionType()).toBeFalsy();
    const type = usage.getType('LicenseSubscription') as GraphQLObjectType;
    expect(Object.keys(type.getFields()).sort()).toEqual(['forecast', 'id', 'licenseSummary']);
    expect(ofName('usage').sdl).toMatch(/type LicenseSubscription @key\(fields: "id"\)/);
  });

  it('composes with the usage numbers resolved by the usage subgraph', () => {
    const { errors, supergraphSdl } = compose();
    expect(errors).toBeUndefined();
    expect(graphsOf(supergraphSdl!, 'LicenseSubscription', 'licenseSummary')).toEqual(['USAGE']);
    expect(graphsOf(supergraphSdl!, 'LicenseSubscription', 'clusters')).toEqual(['SUBSCRIPTIONS']);
  });

  it('may be extended by yet another subgraph, as any entity', () => {
    const { errors, supergraphSdl } = compose([
      {
        name: 'notes',
        sdl: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
          type LicenseSubscription @key(fields: "id") { id: ID! note: String }
          type Query { notes: [String!]! }`,
      },
    ]);
    expect(errors).toBeUndefined();
    expect(graphsOf(supergraphSdl!, 'LicenseSubscription', 'note')).toEqual(['NOTES']);
    expect(buildSchema(supergraphSdl!, { assumeValidSDL: true }).getSubscriptionType()).toBeFalsy();
  });
});
