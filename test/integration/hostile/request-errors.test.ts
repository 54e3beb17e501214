import { GATEWAY_HEADERS } from '../../support/stack';
import { useFixtureStack } from '../e2e/fixture-stack';
import { expectNoInternals } from './leaks';

// Issue 19 and issue 12 §3: every class of request error, through the gateway and against a
// subgraph directly, keeps its own code and HTTP 400, names the variable, argument or field, and
// shows nothing of the servers. Each case has a positive control: the same shape, well formed,
// answers.

const { stack } = useFixtureStack();

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  operationName?: string;
  code: string;
  names: RegExp;
  /** Which subgraph has the fields, to send it the same request directly (null: none alone). */
  subgraph: 'organizations' | 'usage' | null;
  /** The same request, well formed. */
  control: { query?: string; variables?: Record<string, unknown>; operationName?: string };
}

const CUSTOMER = 'query($id: ID!) { customer(id: $id) { id } }';
const REGION_USAGE =
  'query($d: Date) { customer(id: "c-acme") { regionUsage(asOf: $d) { region } } }';
const INGEST = `mutation($records: [UsageRecordInput!]!) {
  ingestUsage(records: $records) { inserted updated unchanged }
}`;
const record = (date: string) => ({
  sourceId: 'cl-ams-1',
  licenseType: 'PROFESSIONAL',
  date,
  consumed: 1,
});

const CASES: Case[] = [
  {
    name: 'a missing required variable',
    query: CUSTOMER,
    variables: {},
    subgraph: 'organizations',
    code: 'BAD_USER_INPUT',
    names: /\$id/,
    control: { variables: { id: 'c-acme' } },
  },
  {
    name: 'a variable of the wrong type',
    query: 'query($n: Int) { customers(first: $n) { totalCount } }',
    variables: { n: 'ten' },
    subgraph: 'organizations',
    code: 'BAD_USER_INPUT',
    names: /\$n/,
    control: { variables: { n: 10 } },
  },
  {
    name: 'a parse error',
    query: '{ customer(id: "c-acme") { id }',
    subgraph: 'organizations',
    code: 'GRAPHQL_PARSE_FAILED',
    names: /Syntax Error/,
    control: { query: '{ customer(id: "c-acme") { id } }' },
  },
  {
    name: 'an unknown field',
    query: '{ customer(id: "c-acme") { id secretColumn } }',
    subgraph: 'organizations',
    code: 'GRAPHQL_VALIDATION_FAILED',
    names: /secretColumn/,
    control: { query: '{ customer(id: "c-acme") { id name } }' },
  },
  {
    name: 'an unknown operation name',
    query: 'query A { viewer { user { id } } } query B { viewer { roles { role } } }',
    operationName: 'C',
    subgraph: 'organizations',
    code: 'OPERATION_RESOLUTION_FAILURE',
    names: /"C"/,
    control: { operationName: 'B' },
  },
  {
    name: 'a malformed Date in a nested argument',
    query: '{ customer(id: "c-acme") { regionUsage(asOf: "2026-02-30") { region } } }',
    subgraph: null,
    code: 'BAD_USER_INPUT',
    names: /asOf.*2026-02-30/,
    control: { query: '{ customer(id: "c-acme") { regionUsage(asOf: "2026-02-28") { region } } }' },
  },
  {
    name: 'a malformed Date in a variable',
    query: REGION_USAGE,
    variables: { d: '11/29/2026' },
    subgraph: null,
    code: 'BAD_USER_INPUT',
    names: /\$d.*11\/29\/2026/,
    control: { variables: { d: '2026-11-28' } },
  },
  {
    name: 'a malformed Date in an ingestUsage record',
    query: INGEST,
    variables: { records: [record('2026-11-27'), record('2026-13-01')] },
    subgraph: 'usage',
    code: 'BAD_USER_INPUT',
    names: /\$records.*records\[1\]\.date/,
    control: { variables: { records: [record('2026-11-27'), record('2026-11-26')] } },
  },
];

async function post(url: string, body: object, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

const viewerOf = (testCase: Case) => (testCase.query === INGEST ? 'u-uc-acme' : 'u-pfa-north');

async function headersFor(testCase: Case, extra: Record<string, string> = {}) {
  return { authorization: `Bearer ${await stack.token(viewerOf(testCase))}`, ...extra };
}

it.each(CASES.map((c) => [c.name, c] as const))(
  'refuses %s through the gateway with 400, its own code and a message naming it',
  async (_name, testCase) => {
    const headers = await headersFor(testCase);
    const { query, variables, operationName } = testCase;
    const refused = await post(stack.gatewayUrl, { query, variables, operationName }, headers);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { extensions: object }) => e.extensions)).toEqual([
      expect.objectContaining({ code: testCase.code }),
    ]);
    expect(refused.body.errors[0].message).toMatch(testCase.names);
    expect(refused.body.data).toBeUndefined();
    expectNoInternals(refused.text);

    const request = { query, variables, operationName, ...testCase.control };
    const control = await post(stack.gatewayUrl, request, headers);
    expect(control.status).toBe(200);
    expect(control.body.errors).toBeUndefined();
  },
);

const DIRECT = CASES.filter((c) => c.subgraph !== null);
it.each(DIRECT.map((c) => [c.name, c.subgraph, c] as const))(
  'refuses %s sent to the %s subgraph directly in the same way',
  async (_name, subgraph, testCase) => {
    const url = stack.stack.servers[subgraph!]!.url;
    const headers = await headersFor(testCase, GATEWAY_HEADERS);
    const { query, variables, operationName } = testCase;
    const refused = await post(url, { query, variables, operationName }, headers);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.code).toBe(testCase.code);
    expect(refused.body.errors[0].message).toMatch(testCase.names);
    expectNoInternals(refused.text);

    const control = await post(
      url,
      { query, variables, operationName, ...testCase.control },
      headers,
    );
    expect(control.status).toBe(200);
    expect(control.body.errors).toBeUndefined();
  },
);

it('answers a refusal of the limits with 400 too, not 500', async () => {
  const query = `query($n: Int) {
    customers(first: $n) { nodes { id partner { id customers(first: $n) { nodes { id } } } } }
  }`;
  const headers = { authorization: `Bearer ${await stack.token('u-pfa-north')}` };
  const refused = await post(stack.gatewayUrl, { query, variables: { n: 500 } }, headers);
  expect(refused.status).toBe(400);
  expect(refused.body.errors[0].extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
  expectNoInternals(refused.text);
  const control = await post(stack.gatewayUrl, { query, variables: { n: 2 } }, headers);
  expect(control.status).toBe(200);
  expect(control.body.errors).toBeUndefined();
});
