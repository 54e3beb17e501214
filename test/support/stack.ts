import pino from 'pino';
import { createTokenVerifier } from '../../src/auth/jwt';
import { loadConfig } from '../../src/config';
import { signToken } from '../../src/auth/sign-token';
import { readSupergraph } from '../../src/schema/schema-files';
import { GATEWAY_SECRET_HEADER } from '../../src/http/gateway-secret';
import { PIECES, startStack } from '../../src/server/stack';
import type { Piece, RunningStack, StackOptions } from '../../src/server/stack';
import type { QueryLimits } from '../../src/config';
import type { TestDatabase } from './database';
import { TEST_SETTINGS } from './subgraph';

// The whole graph on real ports (0 = any free one) over a test database, as `licensegraph start`
// runs it, for end-to-end tests through the gateway over HTTP.

export const TEST_JWT = {
  secret: 'test-secret-of-at-least-thirty-two-bytes!!',
  issuer: 'licensegraph',
  audience: 'licensegraph-api',
};

/** What the test gateway sends its subgraphs; a test talking to a subgraph directly sends it too. */
export const TEST_GATEWAY_SECRET = 'test-gateway-secret-of-at-least-32-bytes';
export const GATEWAY_HEADERS = { [GATEWAY_SECRET_HEADER]: TEST_GATEWAY_SECRET };

export interface TestStack {
  stack: RunningStack;
  gatewayUrl: string;
  token(userId: string, ttl?: string): Promise<string>;
  /** POSTs an operation to the gateway; returns the HTTP status and the parsed body. */
  request(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody }>;
  stop(): Promise<void>;
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message: string; path?: unknown[]; extensions?: Record<string, unknown> }>;
}

export type TestStackOptions = Pick<StackOptions, 'mountOnGateway' | 'operationCost' | 'reads'> & {
  verify?: StackOptions['verify'];
  /** Settings of the environment this stack runs in, e.g. { NODE_ENV: 'production' }. */
  env?: Record<string, string>;
  /**
   * Rate limits as configured by `env`, their counters under `keyPrefix` (stacks that share one
   * share their budgets in Redis); without this they are out of the way (1e9).
   */
  rateLimited?: { keyPrefix: string };
  /** Where the servers log (default: pino at TEST_LOG_LEVEL, else silent). */
  logger?: StackOptions['logger'];
  /** Limits other than the defaults (a small MAX_RESPONSE_BYTES, say). */
  limits?: Partial<QueryLimits>;
  /** SUBGRAPHS_IN_PROCESS: the gateway calls the subgraphs without HTTP. */
  subgraphsInProcess?: boolean;
};

export async function startTestStack(
  db: TestDatabase,
  pieces: readonly Piece[] = PIECES,
  options: TestStackOptions = {},
): Promise<TestStack> {
  // The HS256 secret of the tests, unless a test brings its own (a JWKS verifier).
  const verify = options.verify ?? createTokenVerifier({ ...TEST_JWT, jwksUrl: null });
  const ports = { gateway: 0, organizations: 0, subscriptions: 0, usage: 0 };
  const config = loadConfig(options.env ?? {});
  const unreachable = 'http://127.0.0.1:9/graphql';
  const stack = await startStack({
    pieces,
    ds: db.ds,
    reads: options.reads,
    verify,
    host: '127.0.0.1',
    ports,
    subgraphUrls: { organizations: unreachable, subscriptions: unreachable, usage: unreachable },
    supergraphSdl: readSupergraph(),
    limits: { ...config.limits, ...options.limits },
    settings: options.env ? config : TEST_SETTINGS,
    mountOnGateway: options.mountOnGateway,
    operationCost: options.operationCost,
    exposure: config.exposure,
    gatewaySecret: TEST_GATEWAY_SECRET,
    rateLimits: options.rateLimited
      ? { ...config.rateLimits, keyPrefix: options.rateLimited.keyPrefix }
      : { ...config.rateLimits, viewerPoints: 1e9, addressRequests: 1e9 },
    deadlines: config.deadlines,
    subgraphsInProcess: options.subgraphsInProcess,
    logger: options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  });
  const gatewayUrl = stack.servers.gateway?.url ?? '';
  const token = (userId: string, ttl = '10m') => signToken({ userId, ttl }, TEST_JWT);
  return {
    stack,
    gatewayUrl,
    token,
    request: (query, variables = {}, headers = {}) =>
      postGraphQL(gatewayUrl, query, variables, headers),
    stop: () => stack.stop(),
  };
}

/** Authorization header for a fixture user. */
export async function asUser(stack: TestStack, userId: string): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await stack.token(userId)}` };
}

/** POSTs an operation to any GraphQL endpoint (a subgraph: add GATEWAY_HEADERS). */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}
