import { useFixtureStack } from './fixture-stack';
import { REQUEST_ID } from '../../support/request-ids';

// The gateway as a client meets it: authentication before planning, limits, and what a client
// sees when one subgraph is down.

describe('gateway', () => {
  const { stack } = useFixtureStack();

  const viewerQuery = '{ viewer { user { id email } } }';

  it('refuses a request without a token with UNAUTHENTICATED', async () => {
    const { status, body } = await stack.request(viewerQuery);
    expect(status).toBe(401);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect(body.data ?? null).toBeNull();
  });

  it.each([
    ['garbage', 'Bearer not.a.jwt'],
    ['wrong scheme', 'Basic dXNlcjpwYXNz'],
  ])('refuses a %s authorization header', async (_name, authorization) => {
    const { status, body } = await stack.request(viewerQuery, {}, { authorization });
    expect(status).toBe(401);
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a valid token of a user that does not exist', async () => {
    const { body } = await stack.request(
      viewerQuery,
      {},
      {
        authorization: `Bearer ${await stack.token('u-ghost')}`,
      },
    );
    expect(body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data?.viewer ?? null).toBeNull();
  });

  it('answers the viewer of a valid token', async () => {
    const { status, body } = await stack.request(
      viewerQuery,
      {},
      {
        authorization: `Bearer ${await stack.token('u-fa-acme')}`,
      },
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { viewer: { user: { id: 'u-fa-acme', email: 'fa@acme.example' } } },
    });
  });

  it('refuses an operation with more aliases than the limit', async () => {
    const lookups = Array.from({ length: 16 }, (_, i) => `a${i}: partner(id: "p-north") { id }`);
    const { status, body } = await stack.request(
      `{ ${lookups.join(' ')} }`,
      {},
      {
        authorization: `Bearer ${await stack.token('u-pfa-north')}`,
      },
    );
    expect(body.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(status).toBe(400);
    expect(body.errors?.[0].message).toMatch(/uses 16 aliases .*at most 15 are allowed/);
    expect(body.data).toBeUndefined();
  });

  it('refuses an operation that costs more than the limit, counting `first` from variables', async () => {
    const query = `query($n: Int) {
      customers(first: $n) {
        nodes { id partner { id customers(first: $n) { nodes { id name } } } }
      }
    }`;
    const headers = { authorization: `Bearer ${await stack.token('u-pfa-north')}` };
    const costly = await stack.request(query, { n: 500 }, headers);
    expect(costly.status).toBe(400);
    expect(costly.body.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(costly.body.errors?.[0].message).toMatch(/more than the limit of 500000/);
    expect(costly.body.data ?? undefined).toBeUndefined();
    const cheap = await stack.request(query, { n: 2 }, headers);
    expect(cheap.body.errors).toBeUndefined();
    expect((cheap.body.data as { customers: { nodes: unknown[] } }).customers.nodes).toHaveLength(
      2,
    );
  });

  it('hides internal errors: no SQL, stack or URL reaches the client', async () => {
    const { body } = await stack.request(
      '{ customers(first: 0) { totalCount } }',
      {},
      {
        authorization: `Bearer ${await stack.token('u-pfa-north')}`,
      },
    );
    expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|SELECT|http:\/\//i);
  });
});

describe('gateway with a subgraph down', () => {
  const { stack } = useFixtureStack();
  beforeAll(() => stack.stack.servers.subscriptions!.stop());

  it("answers the other subgraphs' data and names the part that failed, without internals", async () => {
    const { status, body } = await stack.request(
      '{ customer(id: "c-acme") { id name } subscription(id: "Sub-100001") { id kind } }',
      {},
      { authorization: `Bearer ${await stack.token('u-fa-acme')}` },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({
      customer: { id: 'c-acme', name: 'Acme Corp' },
      subscription: null,
    });
    expect(body.errors).toHaveLength(1);
    expect(body.errors?.[0].extensions).toEqual({
      code: 'SUBGRAPH_UNAVAILABLE',
      service: 'subscriptions',
      requestId: REQUEST_ID,
    });
    expect(body.errors?.[0].message).toMatch(/subscriptions/);
    expect(JSON.stringify(body.errors)).not.toMatch(
      /127\.0\.0\.1|localhost|ECONNREFUSED|stack|\bat /i,
    );
  });
});

describe('gateway with the usage subgraph down', () => {
  const { stack, fixture } = useFixtureStack();
  beforeAll(() => stack.stack.servers.usage!.stop());

  it('answers organizations and subscriptions with the usage fields null and names the service', async () => {
    const { status, body } = await stack.request(
      `{ partner(id: "p-north") {
          id name licenseSummary { licenseType } alerts { kind }
          customers(first: 1) { nodes {
            id name licenseSummary { licenseType } regionUsage { region } alerts { kind }
            subscriptions(kinds: [DEDICATED_INSTANCE]) { id kind clusters { id currentUsage { consumed } } }
          } }
        } }`,
      {},
      { authorization: `Bearer ${await stack.token('u-pfa-north')}` },
    );
    expect(status).toBe(200);
    const acme = fixture.subscriptions.filter(
      (s) => s.customerId === 'c-acme' && s.kind === 'DEDICATED_INSTANCE',
    );
    expect(acme.length).toBeGreaterThan(0);
    expect(body.data).toEqual({
      partner: {
        id: 'p-north',
        name: 'Northwind Telecom',
        licenseSummary: null,
        alerts: null,
        customers: {
          nodes: [
            {
              id: 'c-acme',
              name: 'Acme Corp',
              licenseSummary: null,
              regionUsage: null,
              alerts: null,
              subscriptions: acme.map((s) => ({
                id: s.id,
                kind: s.kind,
                clusters: fixture.clusters
                  .filter((c) => c.subscriptionId === s.id)
                  .map((c) => ({ id: c.id, currentUsage: null })),
              })),
            },
          ],
        },
      },
    });
    expect(body.errors?.length).toBeGreaterThan(0);
    for (const error of body.errors ?? []) {
      expect(error.extensions).toEqual({
        code: 'SUBGRAPH_UNAVAILABLE',
        service: 'usage',
        requestId: REQUEST_ID,
      });
      expect(error.message).toMatch(/usage/);
    }
    expect(JSON.stringify(body.errors)).not.toMatch(
      /127\.0\.0\.1|localhost|ECONNREFUSED|stack|\bat /i,
    );
  });
});

describe('gateway with the organizations subgraph down', () => {
  const { stack } = useFixtureStack();
  beforeAll(() => stack.stack.servers.organizations!.stop());

  it('answers the subscriptions data and names the organizations service', async () => {
    const { status, body } = await stack.request(
      '{ customer(id: "c-acme") { id name } subscription(id: "Sub-100001") { id kind } }',
      {},
      { authorization: `Bearer ${await stack.token('u-fa-acme')}` },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({
      customer: null,
      subscription: { id: 'Sub-100001', kind: expect.any(String) },
    });
    expect(body.errors?.map((e) => e.extensions)).toEqual([
      { code: 'SUBGRAPH_UNAVAILABLE', service: 'organizations', requestId: REQUEST_ID },
    ]);
    expect(JSON.stringify(body.errors)).not.toMatch(
      /127\.0\.0\.1|localhost|ECONNREFUSED|stack|\bat /i,
    );
  });
});
