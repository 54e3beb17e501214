import pino from 'pino';
import type { DataSource } from 'typeorm';
import { createTokenVerifier } from '../src/auth/jwt';
import { loadConfig } from '../src/config';
import type { QueryLimits } from '../src/config';
import { readSupergraph } from '../src/schema/schema-files';
import { generatedGatewaySecret } from '../src/http/gateway-secret';
import { PIECES, startStack } from '../src/server/stack';
import type { RunningStack } from '../src/server/stack';

// The whole graph for a benchmark that goes through the gateway: every piece on a free port of
// 127.0.0.1 over the bench database, trusting tokens signed with the benchmark's HS256 secret,
// logging nothing, without rate limits. The caller stops it.

export interface BenchJwt {
  secret: string;
  issuer: string;
  audience: string;
}

export function startBenchStack(
  ds: DataSource,
  jwt: BenchJwt,
  limits: Partial<QueryLimits> = {},
  env: Record<string, string> = {},
  subgraphsInProcess = false,
): Promise<RunningStack> {
  return startStack({
    pieces: PIECES,
    ds,
    verify: createTokenVerifier({ ...jwt, jwksUrl: null }),
    host: '127.0.0.1',
    ports: { gateway: 0, organizations: 0, subscriptions: 0, usage: 0 },
    subgraphUrls: { organizations: '', subscriptions: '', usage: '' },
    supergraphSdl: readSupergraph(),
    limits: { ...loadConfig({}).limits, ...limits },
    settings: loadConfig(env),
    logger: pino({ level: 'silent' }),
    exposure: loadConfig({}).exposure,
    gatewaySecret: generatedGatewaySecret(),
    // A benchmark measures the graph, not the rate limits.
    rateLimits: { ...loadConfig({}).rateLimits, viewerPoints: 1e9, addressRequests: 1e9 },
    deadlines: loadConfig({}).deadlines,
    subgraphsInProcess,
  });
}
