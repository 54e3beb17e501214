import { gzipSync } from 'node:zlib';
import { FIXTURE_FROM } from '../../support/graph-fixture';
import { GATEWAY_HEADERS } from '../../support/stack';
import { useFixtureStack } from '../e2e/fixture-stack';
import { expectNoInternals } from './leaks';

// Issue 12 §3: what every process answers a request it cannot read, in JSON and without internals
// (Express's own page is HTML with the stack and the server's paths): a body that is not JSON, in
// another charset or encoding, or over the size limit; a path that does not exist; a token of a
// user that does not exist; a route that fails. Each beside the well-formed request that answers.

const { db, stack } = useFixtureStack();

type Target = 'gateway' | 'organizations' | 'usage';
const TARGETS: Target[] = ['gateway', 'organizations', 'usage'];
const urlOf = (target: Target) =>
  target === 'gateway' ? stack.gatewayUrl : stack.stack.servers[target]!.url;
const extraHeaders = (target: Target) => (target === 'gateway' ? {} : GATEWAY_HEADERS);

async function send(target: Target, body: string | Buffer, headers: Record<string, string> = {}) {
  const response = await fetch(urlOf(target), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await stack.token('u-pfa-north')}`,
      ...extraHeaders(target),
      ...headers,
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text,
    requestId: response.headers.get('x-request-id'),
  };
}

const GOOD = JSON.stringify({ query: '{ __typename }' });

const BAD_BODIES: Array<[string, string | Buffer, Record<string, string>, number, string]> = [
  ['a malformed JSON body', '{"query": "{ __typename }"', {}, 400, 'BAD_REQUEST'],
  [
    'a body in another charset',
    GOOD,
    { 'content-type': 'application/json; charset=latin1' },
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  [
    'an unknown content encoding',
    GOOD,
    { 'content-encoding': 'x-bogus' },
    415,
    'UNSUPPORTED_MEDIA_TYPE',
  ],
  ['a gzip body that is not gzip', GOOD, { 'content-encoding': 'gzip' }, 400, 'BAD_REQUEST'],
];

describe.each(TARGETS)('%s', (target) => {
  it.each(BAD_BODIES)('refuses %s in JSON', async (_name, body, headers, status, code) => {
    const answer = await send(target, body, headers);
    expect([answer.status, answer.type]).toEqual([status, 'application/json; charset=utf-8']);
    expect(JSON.parse(answer.text)).toEqual({
      errors: [{ message: expect.any(String), extensions: { code } }],
    });
    expectNoInternals(answer.text);
  });

  it('answers the same request well formed, gzipped too', async () => {
    for (const [body, headers] of [
      [GOOD, {}],
      [gzipSync(GOOD), { 'content-encoding': 'gzip' }],
    ] as const) {
      const answer = await send(target, body, headers);
      expect([answer.status, JSON.parse(answer.text)]).toEqual([
        200,
        { data: { __typename: 'Query' } },
      ]);
    }
  });

  it('answers a path that does not exist with a JSON 404', async () => {
    const url = urlOf(target).replace(/\/graphql$/, '/no/such/path');
    const response = await fetch(url, { headers: extraHeaders(target) });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'No such path' },
    });
  });
});

describe('request body limit', () => {
  /** The largest ingestUsage a collector may send: 5,000 records of 64-character ids, indented. */
  function largestIngest(): string {
    const records = Array.from({ length: 5000 }, (_, i) => ({
      sourceId: `cl-${String(i).padStart(61, '0')}`,
      licenseType: 'COMMON_AREA',
      date: '2026-11-28',
      consumed: 10_000_000,
    }));
    const query = `mutation($records: [UsageRecordInput!]!) {
      ingestUsage(records: $records) { inserted rejected { index code } }
    }`;
    return JSON.stringify({ query, variables: { records } }, null, 2);
  }

  it('reads the largest ingestUsage, and refuses a larger body with a JSON 413', async () => {
    const body = largestIngest();
    expect(Buffer.byteLength(body)).toBeLessThan(1024 * 1024);
    const headers = { authorization: `Bearer ${await stack.token('u-uc-acme')}` };
    const accepted = await send('gateway', body, headers);
    expect(accepted.status).toBe(200);
    const { data } = JSON.parse(accepted.text);
    expect(data.ingestUsage.inserted).toBe(0);
    expect(data.ingestUsage.rejected).toHaveLength(5000);

    const tooLarge = await send('gateway', body + ' '.repeat(1024 * 1024 - body.length + 1));
    expect([tooLarge.status, JSON.parse(tooLarge.text)]).toEqual([
      413,
      {
        errors: [
          {
            message: 'The request body is larger than the limit of 1048576 bytes',
            extensions: { code: 'PAYLOAD_TOO_LARGE' },
          },
        ],
      },
    ]);
  });
});

describe('a token of a user that does not exist', () => {
  it('is refused at the gateway with 401, naming no service', async () => {
    const ghost = { authorization: `Bearer ${await stack.token('u-ghost')}` };
    const answer = await send(
      'gateway',
      JSON.stringify({ query: '{ viewer { user { id } } }' }),
      ghost,
    );
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.text)).toEqual({
      errors: [
        {
          message: 'The token names no known user',
          // The request id a client quotes (README, Operations): the X-Request-Id it was answered.
          extensions: { code: 'UNAUTHENTICATED', requestId: answer.requestId },
        },
      ],
    });
    expectNoInternals(answer.text);
  });

  it('is refused by the CSV export too, while a known user gets the file', async () => {
    const url = `${stack.gatewayUrl.replace(/\/graphql$/, '/reports/usage.csv')}?from=${FIXTURE_FROM}&to=2026-11-28`;
    const ghost = await fetch(url, {
      headers: { authorization: `Bearer ${await stack.token('u-ghost')}` },
    });
    expect(ghost.status).toBe(401);
    expectNoInternals(await ghost.text());
    const known = await fetch(url, {
      headers: { authorization: `Bearer ${await stack.token('u-pfa-north')}` },
    });
    expect([known.status, known.headers.get('content-type')]).toEqual([
      200,
      'text/csv; charset=utf-8',
    ]);
  });
});

describe('an unexpected failure in the CSV route', () => {
  const csv = (base: string) =>
    `${base.replace(/\/graphql$/, '/reports/usage.csv')}?from=${FIXTURE_FROM}&to=2026-11-28&partnerId=p-north`;

  it('answers a JSON 500 with nothing of the failure, at the gateway and at the usage subgraph', async () => {
    // A table gone from under the statement: the database fails, nothing is mocked.
    await db.ds.query('ALTER TABLE usage_daily_stale RENAME TO usage_daily_stale_away');
    try {
      for (const [base, headers] of [
        [stack.gatewayUrl, {}],
        [stack.stack.servers.usage!.url, GATEWAY_HEADERS],
      ] as const) {
        const response = await fetch(csv(base), {
          headers: { authorization: `Bearer ${await stack.token('u-pfa-north')}`, ...headers },
        });
        const text = await response.text();
        expect([response.status, JSON.parse(text)]).toEqual([
          500,
          { error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } },
        ]);
        expectNoInternals(text);
      }
    } finally {
      await db.ds.query('ALTER TABLE usage_daily_stale_away RENAME TO usage_daily_stale');
    }
    const response = await fetch(csv(stack.gatewayUrl), {
      headers: { authorization: `Bearer ${await stack.token('u-pfa-north')}` },
    });
    expect(response.status).toBe(200);
  });
});
