import fs from 'node:fs';
import path from 'node:path';
import { exampleOperationsDir } from '../../../src/cli/playground/examples';
import type { GraphQLError } from 'graphql';
import { createTokenVerifier } from '../../../src/auth/jwt';
import { gatewayContext } from '../../../src/gateway/gateway-server';
import { knownUserCheck } from '../../../src/gateway/known-user';
import { readSupergraph } from '../../../src/schema/schema-files';
import { FIXTURE_FROM, FIXTURE_LAST_DAY, FIXTURE_TODAY } from '../../support/graph-fixture';
import { GATEWAY_HEADERS, TEST_GATEWAY_SECRET, TEST_JWT } from '../../support/stack';
import type { GraphQLBody, TestStack } from '../../support/stack';
import { useFixtureStack } from './fixture-stack';

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

interface Case {
  operation: string;
  variables: Record<string, unknown> | ((earlier: Answers) => Record<string, unknown>);
  /** null: no Authorization header. */
  user: string | null;
  /** What this case shows, for the test's name. */
  shows: string;
}

/** What each runtime answered so far, by case index (RevokeRole takes the id AssignRole made). */
type Answers = GraphQLBody[];

const asOf = FIXTURE_TODAY;
const records = [
  { sourceId: 't-acme-jp', licenseType: 'BASIC', date: '2026-05-01', consumed: 12 },
  { sourceId: 't-acme-jp', licenseType: 'BASIC', date: '2026-05-02', consumed: -3 },
  { sourceId: 'cl-umb-1', licenseType: 'PROFESSIONAL', date: '2026-05-01', consumed: 1 },
];
const assignment = { userId: 'u-none', role: 'READ_ONLY_ADMIN', customerId: 'c-acme' };
const report = {
  filter: { partnerId: 'p-north', from: FIXTURE_FROM, to: FIXTURE_TODAY },
  groupBy: ['REGION', 'LICENSE_TYPE'],
  granularity: 'MONTH',
};
const schedule = {
  name: 'Acme weekly',
  customerId: 'c-acme',
  groupBy: ['LICENSE_TYPE'],
  cadence: 'WEEKLY',
  recipientIds: ['u-ro-acme'],
};
const trend = { clusterId: 'cl-fra-1', from: FIXTURE_FROM, to: FIXTURE_LAST_DAY };

// In this order through both runtimes: AssignRole comes before the RevokeRole that undoes it.
const CASES: Case[] = [
  { operation: 'Viewer', variables: {}, user: 'u-pa-north', shows: 'a viewer and its roles' },
  { operation: 'Viewer', variables: {}, user: null, shows: 'no token: UNAUTHENTICATED' },
  {
    operation: 'Viewer',
    variables: {},
    user: 'u-deleted',
    shows: 'a signed token of nobody: UNAUTHENTICATED',
  },
  {
    operation: 'SubscriptionOverview',
    variables: { customerId: 'c-acme', asOf },
    user: 'u-fa-acme',
    shows: 'a customer admin',
  },
  {
    operation: 'SubscriptionOverview',
    variables: { customerId: 'c-acme', asOf },
    user: 'u-none',
    shows: 'out of scope: null',
  },
  {
    operation: 'PartnerCustomerSubtree',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pfa-north',
    shows: 'a partner admin',
  },
  {
    operation: 'PartnerCustomerSubtree',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pfa-south',
    shows: 'another partner: null',
  },
  {
    operation: 'DedicatedInstanceUsageDetails',
    variables: { subscriptionId: 'Sub-100001', asOf },
    user: 'u-fa-acme',
    shows: 'a customer admin',
  },
  {
    operation: 'PartnerAlerts',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pfa-north',
    shows: 'a partner admin',
  },
  {
    operation: 'PartnerAlerts',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pa-north',
    shows: 'no partner analytics: FORBIDDEN beside the partner',
  },
  {
    operation: 'RegionUsage',
    variables: { customerId: 'c-acme', asOf },
    user: 'u-ro-acme',
    shows: 'a read-only admin',
  },
  {
    operation: 'Forecast',
    variables: { customerId: 'c-acme', asOf },
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
  {
    operation: 'Forecast',
    variables: { customerId: 'c-umbrella', asOf },
    user: 'u-fa-acme',
    shows: 'another partner: null',
  },
  {
    operation: 'Reclaimable',
    variables: { partnerId: 'p-north', asOf },
    user: 'u-pro-north',
    shows: 'a partner read-only admin',
  },
  {
    operation: 'Reclaimable',
    variables: { partnerId: 'p-south', asOf },
    user: 'u-pfa-north',
    shows: 'another partner: null',
  },
  {
    operation: 'UsageReport',
    variables: report,
    user: 'u-pfa-north',
    shows: 'a partner admin',
  },
  {
    operation: 'UsageReport',
    variables: report,
    user: 'u-fa-acme',
    shows: 'a customer admin asking for the partner',
  },
  {
    operation: 'UsageTrend',
    variables: { ...trend, granularity: 'WEEK' },
    user: 'u-pfa-north',
    shows: 'a partner admin',
  },
  {
    operation: 'IngestUsage',
    variables: { records },
    user: 'u-ro-acme',
    shows: 'a read-only admin: FORBIDDEN',
  },
  {
    operation: 'IngestUsage',
    variables: { records },
    user: 'u-uc-acme',
    shows: 'a collector: stored and refused records',
  },
  {
    operation: 'AssignRole',
    variables: { input: assignment },
    user: 'u-ro-acme',
    shows: 'a read-only admin: FORBIDDEN',
  },
  {
    operation: 'AssignRole',
    variables: { input: assignment },
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
  {
    operation: 'RevokeRole',
    variables: (earlier) => ({ id: assignedId(earlier) }),
    user: 'u-pfa-south',
    shows: 'another partner: FORBIDDEN',
  },
  {
    operation: 'RevokeRole',
    variables: (earlier) => ({ id: assignedId(earlier) }),
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
  {
    operation: 'CreateReportSchedule',
    variables: { input: schedule },
    user: 'u-ro-acme',
    shows: 'a read-only admin: FORBIDDEN',
  },
  {
    operation: 'CreateReportSchedule',
    variables: { input: schedule },
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
  {
    operation: 'ReportSchedules',
    variables: { customerId: 'c-acme' },
    user: 'u-ro-acme',
    shows: 'a read-only admin',
  },
  {
    operation: 'RunReportSchedule',
    variables: (earlier) => ({ id: scheduleId(earlier) }),
    user: 'u-pfa-south',
    shows: 'another partner: FORBIDDEN',
  },
  {
    // No SMTP_URL in these stacks: the delivery is recorded as FAILED, saying why.
    operation: 'RunReportSchedule',
    variables: (earlier) => ({ id: scheduleId(earlier) }),
    user: 'u-fa-acme',
    shows: 'a full admin, without an SMTP server',
  },
  {
    operation: 'DeleteReportSchedule',
    variables: (earlier) => ({ id: scheduleId(earlier) }),
    user: 'u-fa-acme',
    shows: 'a full admin',
  },
];

function scheduleId(earlier: Answers): string {
  const created = earlier.find((body) => body.data?.createReportSchedule);
  return (created!.data!.createReportSchedule as { id: string }).id;
}

function assignedId(earlier: Answers): string {
  const assigned = earlier.find((body) => body.data?.assignRole);
  return (assigned!.data!.assignRole as { id: string }).id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

/**
 * What differs between the two databases by nature, not between the runtimes: the random ids of
 * role assignments, and instants of loading the fixture or making a report. Ids and instants
 * stay in place (a missing or misplaced one still differs), only their values are set aside.
 */
function comparable(answer: { status: number; body: GraphQLBody }) {
  return JSON.parse(
    JSON.stringify(answer, (_key, value: unknown) => {
      if (typeof value === 'string' && UUID.test(value)) return '<uuid>';
      if (typeof value === 'string' && INSTANT.test(value)) return '<instant>';
      return value;
    }),
  ) as unknown;
}

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
