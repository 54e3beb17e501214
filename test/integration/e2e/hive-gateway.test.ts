import fs from 'node:fs';
import path from 'node:path';
import { exampleOperationsDir } from '../../../src/cli/playground/examples';
import type { GraphQLError } from 'graphql';
import { createTokenVerifier } from '../../../src/auth/jwt';
import { gatewayContext } from '../../../src/gateway/gateway-server';
import { knownUserCheck } from '../../../src/gateway/known-user';
import { readSupergraph } from '../../../src/schema/schema-files';
import { GATEWAY_HEADERS, TEST_GATEWAY_SECRET, TEST_JWT } from '../../support/stack';
import type { GraphQLBody, TestStack } from '../../support/stack';
import { useFixtureStack } from './fixture-stack';
import { CASES, comparable } from './hive-gateway-cases';
import type { Answers } from './hive-gateway-cases';

// A second federation runtime (issue 15 §3): Hive Gateway serves the committed supergraph,
// unchanged but for the subgraph addresses, over the same subgraphs and must answer every example
// operation of schema/operations exactly as Apollo Gateway does, for a viewer in scope and for
// refused ones (out of scope, forbidden, no token). Each runtime has a database of its own with
// the same fixture, so that the mutations run once through each and still answer alike.
// (On the old type name `Subscription`, taken for the subscription root, Hive failed every
// operation that touched a subscription: `ID cannot represent value: { __typename: ... }`.)

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

const apollo = useFixtureStack();
const viaHiveStack = useFixtureStack();
let hive: HiveRuntime;

beforeAll(async () => {
  const { createGatewayRuntime } = (await load('@graphql-hive/gateway-runtime')) as {
    createGatewayRuntime: (config: object) => HiveRuntime;
  };
  const httpTransport = (await load('@graphql-mesh/transport-http')).default;
  // The supergraph names the default local ports; the test stack's subgraphs listen elsewhere.
  let supergraph = readSupergraph();
  for (const [name, server] of Object.entries(viaHiveStack.stack.stack.servers)) {
    if (name === 'gateway' || !server) continue;
    const port = { organizations: 4001, subscriptions: 4002, usage: 4003 }[name];
    supergraph = supergraph.replace(`http://127.0.0.1:${port}/graphql`, server.url);
  }
  hive = createGatewayRuntime({
    // A string would be read as a path or URL; a function hands over the SDL itself.
    supergraph: () => supergraph,
    transports: { http: httpTransport },
    logging: false,
    // Subgraph errors pass as the subgraph wrote them, as through Apollo Gateway (Hive would add
    // extensions.serviceName).
    subgraphErrors: false,
    plugins: () => [tokenCheckedFirst()],
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }: { request: Request }) => ({
        ...GATEWAY_HEADERS,
        authorization: request.headers.get('authorization') ?? undefined,
      }),
    },
  });
});

/**
 * The deployed gateway refuses a request without a valid token before planning anything
 * (gateway-server's gatewayContext); the same check, in front of Hive's runtime, as a plugin.
 */
function tokenCheckedFirst() {
  const verify = createTokenVerifier({ ...TEST_JWT, jwksUrl: null });
  const stack = viaHiveStack.stack.stack;
  const knownUser = knownUserCheck(stack.servers.organizations!.url, TEST_GATEWAY_SECRET);
  return {
    async onRequest({ request, endResponse }: HiveRequest) {
      try {
        await gatewayContext(request.headers.get('authorization') ?? undefined, verify, knownUser);
      } catch (error) {
        const { message, extensions } = error as GraphQLError;
        // extensions.http is Apollo Server's way to set the status; it never reaches a client.
        const body = { errors: [{ message, extensions: { code: extensions.code } }] };
        endResponse(
          new Response(JSON.stringify(body), {
            status: 401,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }
    },
  };
}

interface HiveRequest {
  request: Request;
  endResponse(response: Response): void;
}

afterAll(async () => {
  await hive?.[Symbol.asyncDispose]();
});

const operations = new Map(
  fs
    .readdirSync(exampleOperationsDir())
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => [
      path.basename(file, '.graphql'),
      fs.readFileSync(path.join(exampleOperationsDir(), file), 'utf8'),
    ]),
);

async function headersFor(stack: TestStack, user: string | null) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (user) headers.authorization = `Bearer ${await stack.token(user)}`;
  return headers;
}

async function viaHive(query: string, variables: object, user: string | null) {
  const response = await hive.fetch('http://hive.test/graphql', {
    method: 'POST',
    headers: await headersFor(viaHiveStack.stack, user),
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

describe('Hive Gateway on the committed supergraph', () => {
  const apolloAnswers: Answers = [];
  const hiveAnswers: Answers = [];

  it('has a case for every example operation', () => {
    expect([...new Set(CASES.map((c) => c.operation))].sort()).toEqual(
      [...operations.keys()].sort(),
    );
  });

  it.each(CASES.map((c, index) => [c.operation, c.shows, index] as const))(
    '%s (%s) answers as through Apollo Gateway',
    async (operation, _shows, index) => {
      const c = CASES[index];
      const query = operations.get(operation)!;
      const variables = (apollo: Answers) =>
        typeof c.variables === 'function' ? c.variables(apollo) : c.variables;
      const fromApollo = await apollo.stack.request(
        query,
        variables(apolloAnswers),
        await headersFor(apollo.stack, c.user),
      );
      const fromHive = await viaHive(query, variables(hiveAnswers), c.user);
      apolloAnswers[index] = fromApollo.body;
      hiveAnswers[index] = fromHive.body;
      // Not an empty agreement: every case answers something, data or a refusal.
      expect(fromApollo.body.data ?? fromApollo.body.errors).toBeTruthy();
      expect(comparable(fromHive)).toEqual(comparable(fromApollo));
    },
  );
});
