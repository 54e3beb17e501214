import { print } from 'graphql';
import type { DocumentNode } from 'graphql';
import { readSupergraph } from '../../../src/schema/schema-files';
import {
  DedicatedInstanceUsageDetailsDocument,
  PartnerAlertsDocument,
  PartnerCustomerSubtreeDocument,
  SubscriptionOverviewDocument,
} from '../../generated/operations';
import { FIXTURE_TODAY } from '../../support/graph-fixture';
import { GATEWAY_HEADERS } from '../../support/stack';
import type { GraphQLBody } from '../../support/stack';
import { useFixtureStack } from './fixture-stack';

// A second federation runtime, Hive Gateway, serves the committed supergraph over the same
// subgraphs and must answer as Apollo Gateway does. On the old type name `Subscription` (taken for
// the subscription root) it failed every operation that touched a subscription:
// `ID cannot represent value: { __typename: "Subscription", ... }`.

/** What this test uses of Hive Gateway's runtime (a fetch handler over the supergraph). */
interface HiveRuntime {
  fetch(url: string, init: RequestInit): Promise<Response>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Loaded by a name TypeScript does not follow: the runtime's declarations augment global and
 * `graphql` types (GraphQLErrorExtensions.http, BodyInit) for every file of the program.
 */
async function load(name: string): Promise<Record<string, unknown>> {
  return (await import(name)) as Record<string, unknown>;
}

const { stack } = useFixtureStack();
let hive: HiveRuntime;

beforeAll(async () => {
  const { createGatewayRuntime } = (await load('@graphql-hive/gateway-runtime')) as {
    createGatewayRuntime: (config: object) => HiveRuntime;
  };
  const httpTransport = (await load('@graphql-mesh/transport-http')).default;
  // The supergraph names the default local ports; the test stack's subgraphs listen elsewhere.
  let supergraph = readSupergraph();
  for (const [name, server] of Object.entries(stack.stack.servers)) {
    if (name === 'gateway' || !server) continue;
    const port = { organizations: 4001, subscriptions: 4002, usage: 4003 }[name];
    supergraph = supergraph.replace(`http://127.0.0.1:${port}/graphql`, server.url);
  }
  hive = createGatewayRuntime({
    // A string would be read as a path or URL; a function hands over the SDL itself.
    supergraph: () => supergraph,
    transports: { http: httpTransport },
    logging: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }: { request: Request }) => ({
        ...GATEWAY_HEADERS,
        authorization: request.headers.get('authorization') ?? undefined,
      }),
    },
  });
});

afterAll(async () => {
  await hive?.[Symbol.asyncDispose]();
});

async function viaHive(
  document: DocumentNode,
  variables: Record<string, unknown>,
  userId: string,
): Promise<GraphQLBody> {
  const response = await hive.fetch('http://hive.test/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await stack.token(userId)}`,
    },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as GraphQLBody;
}

describe('Hive Gateway on the committed supergraph', () => {
  it.each([
    ['SubscriptionOverview', SubscriptionOverviewDocument, { customerId: 'c-acme' }, 'u-fa-acme'],
    [
      'PartnerCustomerSubtree',
      PartnerCustomerSubtreeDocument,
      { partnerId: 'p-north' },
      'u-pfa-north',
    ],
    [
      'DedicatedInstanceUsageDetails',
      DedicatedInstanceUsageDetailsDocument,
      { subscriptionId: 'Sub-100001' },
      'u-fa-acme',
    ],
    ['PartnerAlerts', PartnerAlertsDocument, { partnerId: 'p-north' }, 'u-pfa-north'],
  ] as const)('answers %s as Apollo Gateway does', async (_name, document, args, userId) => {
    const variables = { ...args, asOf: FIXTURE_TODAY };
    const apollo = await stack.request(print(document), variables, {
      authorization: `Bearer ${await stack.token(userId)}`,
    });
    expect(apollo.body.errors).toBeUndefined();
    expect(apollo.body.data).toBeTruthy();
    expect(await viaHive(document, variables, userId)).toEqual(apollo.body);
  });
});
