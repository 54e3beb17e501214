import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { signToken } from '../../../src/auth/sign-token';
import { createLogger } from '../../../src/logger';
import type { TestDatabase } from '../../support/database';
import { openFixtureDatabase } from '../../support/fixture-database';
import { graphFixture, loadGraphFixture } from '../../support/graph-fixture';
import { startOtlpReceiver } from '../../support/otlp-receiver';
import type { ReceivedSpan } from '../../support/otlp-receiver';
import { asUser, startTestStack } from '../../support/stack';
import type { TestStack } from '../../support/stack';
import { createCliDatabase, FIRST_CALL_TIMEOUT_MS, servePorts, startCli } from '../cli/cli-process';
import type { CliDatabase } from '../cli/cli-process';

// Issue 13 §7: one request's trace, from the client's W3C traceparent through the gateway and its
// subgraph fetches down to each SQL statement, received over OTLP/HTTP by a collector the test
// runs (from `serve`, OTEL_EXPORTER_OTLP_ENDPOINT set); and the request id (the trace id) on
// every log line the request writes and in every error it answers, with traces on or off.

const CLIENT_SPAN = '00f067aa0ba902b7';
/** The partner subtree: organizations, then subscriptions; customers(first: 0) is refused. */
const QUERY = `query Subtree { partner(id: "p-north") { name customers(first: 5) { nodes { name
  subscriptions { id } } } } refused: partner(id: "p-north") { customers(first: 0) { totalCount } } }`;

interface Answer {
  requestId: string | null;
  body: {
    data?: { partner?: { name?: string } };
    errors?: Array<{ extensions?: Record<string, unknown> }>;
  };
}

async function ask(url: string, traceparent: string, authorization: string): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent, authorization },
    body: JSON.stringify({ query: QUERY }),
  });
  return {
    requestId: response.headers.get('x-request-id'),
    body: (await response.json()) as Answer['body'],
  };
}

/** The answer, its errors and every log line of the request carry `id`, in every service. */
function expectRequestIdEverywhere(
  answer: Answer,
  lines: Array<Record<string, unknown>>,
  id: string,
) {
  expect(answer.body.data?.partner?.name).toBe('Northwind Telecom');
  expect(answer.requestId).toBe(id);
  expect(answer.body.errors?.map((e) => [e.extensions?.code, e.extensions?.requestId])).toEqual([
    ['BAD_USER_INPUT', id],
  ]);
  const services = new Set(lines.filter((l) => l.msg === 'request').map((l) => l.service));
  expect([...services].sort()).toEqual(['gateway', 'organizations', 'subscriptions']);
  expect(lines.filter((l) => l.requestId !== id)).toEqual([]);
}

describe('request ids with traces off', () => {
  let db: TestDatabase;
  let stack: TestStack;
  const lines: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    db = await openFixtureDatabase(graphFixture());
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        }
        done();
      },
    });
    stack = await startTestStack(db, undefined, { logger: createLogger('debug', sink) });
  });
  afterAll(async () => {
    await stack?.stop();
    await db?.close();
  });

  it('carries the trace id of the traceparent from the gateway to the subgraphs', async () => {
    const id = 'a'.repeat(31) + 'b';
    lines.length = 0;
    const { authorization } = await asUser(stack, 'u-pfa-north');
    const answer = await ask(stack.gatewayUrl, `00-${id}-${CLIENT_SPAN}-01`, authorization!);
    // The access lines are written as each answer goes out: let the last one come.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expectRequestIdEverywhere(answer, lines, id);
  });

  it('makes up one, the same in every service, for a request without a traceparent', async () => {
    lines.length = 0;
    const { authorization } = await asUser(stack, 'u-pfa-north');
    const answer = await ask(stack.gatewayUrl, 'not a traceparent', authorization!);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(answer.requestId).toMatch(/^[0-9a-f]{32}$/);
    expectRequestIdEverywhere(answer, lines, answer.requestId!);
  });
});

describe('traces over OTLP from serve', () => {
  const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
  const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
  let db: CliDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createCliDatabase();
    ds = await db.open();
    await loadGraphFixture(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.close();
  });

  it(
    'sends the span tree gateway → subgraph fetch → subgraph → SQL, one trace id',
    async () => {
      const receiver = await startOtlpReceiver();
      const { gateway, env: ports } = await servePorts();
      const running = startCli(['serve'], {
        DATABASE_URL: db.url,
        DATA_DIR: db.dataDir,
        LOG_LEVEL: 'debug',
        JWT_SECRET: SECRET,
        ...ports,
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
      });
      let answer: Answer;
      let lines: Array<Record<string, unknown>>;
      try {
        await running.waitFor(/Press Ctrl-C to stop/);
        const token = await signToken(
          { userId: 'u-pfa-north' },
          { secret: SECRET, issuer: 'licensegraph', audience: 'licensegraph-api' },
        );
        const start = running.stderr().length;
        answer = await ask(
          `http://127.0.0.1:${gateway}/graphql`,
          `00-${TRACE_ID}-${CLIENT_SPAN}-01`,
          `Bearer ${token}`,
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        lines = running
          .stderr()
          .slice(start)
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Record<string, unknown>);
      } finally {
        // Stopping sends the spans still buffered.
        expect(await running.stop()).toBe(0);
        await receiver.close();
      }
      expectRequestIdEverywhere(answer, lines, TRACE_ID);

      const spans = receiver.spans;
      expect(spans.filter((s) => s.traceId !== TRACE_ID)).toEqual([]);
      const byId = new Map(spans.map((s) => [s.spanId, s]));
      /** The names from a span up to its root, and the root's parent if it was not received. */
      const chain = (span: ReceivedSpan): string[] => {
        const names: string[] = [];
        for (let at: ReceivedSpan | undefined = span; at; at = byId.get(at.parentSpanId ?? '')) {
          names.push(at.name);
          if (at.parentSpanId && !byId.has(at.parentSpanId))
            names.push(`parent ${at.parentSpanId}`);
        }
        return names;
      };
      expect(spans.find((s) => s.name === 'gateway POST /graphql')?.parentSpanId).toBe(CLIENT_SPAN);
      const statements = spans.filter((s) => s.name.startsWith('sql '));
      for (const subgraph of ['organizations', 'subscriptions']) {
        const own = statements.filter((s) => chain(s).includes(`${subgraph} POST /graphql`));
        expect(own.length).toBeGreaterThan(0);
        // In order: its subgraph's request, the gateway's fetch, the gateway's request, the client.
        expect(
          chain(own[0]!).filter(
            (name) =>
              [`${subgraph} POST /graphql`, `fetch ${subgraph}`, 'gateway POST /graphql'].includes(
                name,
              ) || name.startsWith('parent '),
          ),
        ).toEqual([
          `${subgraph} POST /graphql`,
          `fetch ${subgraph}`,
          'gateway POST /graphql',
          `parent ${CLIENT_SPAN}`,
        ]);
        expect(own[0]!.attributes['db.query.text']).toMatch(/\bSELECT\b/i);
      }
      // Every statement belongs to a subgraph request of this trace.
      for (const statement of statements) {
        expect(
          chain(statement).some((name) => /^(organizations|subscriptions) POST/.test(name)),
        ).toBe(true);
      }
    },
    FIRST_CALL_TIMEOUT_MS,
  );
});
