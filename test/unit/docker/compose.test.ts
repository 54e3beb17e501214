import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '../../../src/config';
import type { Config, Piece } from '../../../src/config';
import { haproxyBinary } from '../../support/haproxy';

// Issue 15 §5: there is no Docker engine here, so docker/ is checked by reading it. Every file
// the compose file and the Dockerfile name exists; every setting a Licensegraph service is given
// is one that src/config.ts reads (it reads them through a recording environment) and is valid
// there; every port agrees: what HAProxy balances over is what each service listens on, what the
// services are told to call is what HAProxy listens on, what is published is bound; HAProxy
// itself accepts its configuration (`haproxy -c`).

const ROOT = path.resolve(__dirname, '../../..');
const DOCKER = path.join(ROOT, 'docker');
const read = (file: string) => fs.readFileSync(path.join(DOCKER, file), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  env_file?: string;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, unknown>;
  healthcheck?: { test?: string[]; disable?: boolean };
}

const compose = parse(read('docker-compose.yml'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const licensegraph = Object.entries(services).filter(([, s]) => s.image === 'licensegraph:local');

/** docker/env.example as the values of docker/.env. */
const example = new Map(
  read('env.example')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
);

/** Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}, from env.example. */
function substitute(value: string): string {
  return value.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_all, name: string, kind, rest) => {
    const given = example.get(name);
    if (given !== undefined) return given;
    if (kind === '-') return rest as string;
    throw new Error(`${name} is required by docker-compose.yml but not in env.example`);
  });
}

/** The service's configuration as Licensegraph reads it, and which variables it read. */
function configOf(service: Service): {
  config: Config;
  env: Record<string, string>;
  read: Set<string>;
} {
  const env = Object.fromEntries(
    Object.entries(service.environment ?? {}).map(([name, value]) => [
      name,
      substitute(String(value)),
    ]),
  );
  const seen = new Set<string>();
  const recording = new Proxy(env, {
    get(target, name) {
      if (typeof name === 'string') seen.add(name);
      return target[name as string];
    },
  });
  return { config: loadConfig(recording), env, read: seen };
}

/** The piece a `serve --only PIECE` service runs; null for one-shot commands. */
function pieceOf(service: Service): Piece | null {
  const command = service.command ?? [];
  return command[0] === 'serve' ? (command[2] as Piece) : null;
}

function listenPort(service: Service): number {
  const { config } = configOf(service);
  const piece = pieceOf(service)!;
  return piece === 'gateway' ? config.port : config.subgraphPorts[piece];
}

/** haproxy.cfg: frontend → port and backend; backend → the service:port it balances over. */
function haproxySections() {
  const frontends = new Map<string, { port: number; backend: string }>();
  const backends = new Map<string, Array<{ host: string; port: number }>>();
  let section: { kind: string; name: string } | null = null;
  for (const raw of read('haproxy.cfg').split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const words = line.split(/\s+/);
    if (/^\S/.test(raw) && line) {
      section = { kind: words[0], name: words[1] };
      if (words[0] === 'frontend') frontends.set(words[1], { port: 0, backend: '' });
      if (words[0] === 'backend') backends.set(words[1], []);
      continue;
    }
    if (!section) continue;
    const frontend = frontends.get(section.name);
    if (section.kind === 'frontend' && frontend && words[0] === 'bind') {
      frontend.port = Number(words[1].split(':').pop());
    }
    if (section.kind === 'frontend' && frontend && words[0] === 'default_backend') {
      frontend.backend = words[1];
    }
    if (section.kind === 'backend' && (words[0] === 'server' || words[0] === 'server-template')) {
      const [host, port] = words[words[0] === 'server' ? 2 : 3].split(':');
      backends.get(section.name)!.push({ host, port: Number(port) });
    }
  }
  return { frontends, backends };
}

describe('docker/docker-compose.yml', () => {
  it('runs the gateway and every subgraph, twice each, behind HAProxy, with a replica and Redis', () => {
    const pieces = licensegraph.map(([, s]) => pieceOf(s)).filter(Boolean);
    expect(pieces.sort()).toEqual(['gateway', 'organizations', 'subscriptions', 'usage']);
    for (const [name, service] of licensegraph) {
      if (pieceOf(service))
        expect({
          name,
          replicas: (service as { deploy?: { replicas?: number } }).deploy?.replicas,
        }).toEqual({ name, replicas: 2 });
    }
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['mariadb', 'mariadb-replica', 'redis', 'haproxy', 'migrate']),
    );
  });

  it('names only files that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) {
        const context = path.resolve(DOCKER, service.build.context);
        expect({ name, context: fs.existsSync(context) }).toEqual({ name, context: true });
        const dockerfile = path.join(context, service.build.dockerfile);
        expect({ name, dockerfile: fs.existsSync(dockerfile) }).toEqual({ name, dockerfile: true });
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0];
        if (source.startsWith('.')) {
          expect({ name, source, exists: fs.existsSync(path.resolve(DOCKER, source)) }).toEqual({
            name,
            source,
            exists: true,
          });
        } else {
          expect(Object.keys(compose.volumes)).toContain(source);
        }
      }
      // docker/.env is the operator's copy of env.example (git ignores it).
      if (service.env_file) expect(service.env_file).toBe('.env');
      for (const other of Object.keys(service.depends_on ?? {})) {
        expect(Object.keys(services)).toContain(other);
      }
    }
  });

  it('copies only files that exist into the image', () => {
    const copies = read('Dockerfile')
      .split('\n')
      .filter((line) => /^COPY\s/.test(line) && !line.includes('--from='));
    expect(copies.length).toBeGreaterThan(3);
    for (const line of copies) {
      const sources = line.trim().split(/\s+/).slice(1, -1);
      for (const source of sources) {
        expect({ source, exists: fs.existsSync(path.join(ROOT, source)) }).toEqual({
          source,
          exists: true,
        });
      }
    }
  });

  it('gives every Licensegraph service only settings src/config.ts reads, with valid values', () => {
    expect(licensegraph.length).toBeGreaterThan(4);
    for (const [name, service] of licensegraph) {
      const { env, read: seen } = configOf(service);
      const unknown = Object.keys(env).filter((variable) => !seen.has(variable));
      expect({ name, unknown }).toEqual({ name, unknown: [] });
    }
    // What docker/.env holds is either substituted into the compose file or a setting.
    const { read: seen } = configOf({ environment: Object.fromEntries(example) });
    const named = new Set(
      [...read('docker-compose.yml').matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1]),
    );
    const unused = [...example.keys()].filter((key) => !named.has(key) && !seen.has(key));
    expect(unused).toEqual([]);
  });

  it('points every service at HAProxy, the replica and Redis by names that exist', () => {
    for (const [name, service] of licensegraph) {
      const { config } = configOf(service);
      expect({ name, redis: new URL(config.rateLimits.redisUrl!).hostname }).toEqual({
        name,
        redis: 'redis',
      });
      expect({ name, replica: new URL(config.replica!.url).hostname }).toEqual({
        name,
        replica: 'mariadb-replica',
      });
      expect(config.database.kind === 'mysql' && new URL(config.database.url).hostname).toBe(
        'mariadb',
      );
      expect(config.exposure.trustProxyHops).toBe(1);
    }
  });

  it('agrees on every port: HAProxy, the services, their health checks and what is published', () => {
    const { frontends, backends } = haproxySections();
    const exposed = (read('Dockerfile').match(/^EXPOSE (.+)$/m)?.[1] ?? '')
      .split(/\s+/)
      .map(Number);
    for (const [name, service] of licensegraph) {
      const piece = pieceOf(service);
      if (!piece) continue;
      const port = listenPort(service);
      expect(exposed).toContain(port);
      // HAProxy balances over this service on the port it listens on.
      expect({ piece, servers: backends.get(piece) }).toEqual({
        piece,
        servers: [{ host: name, port }],
      });
      // Its health check asks that same port (the gateway's is the image's own, on PORT).
      const check = service.healthcheck?.test?.join(' ') ?? '';
      if (piece !== 'gateway') expect(check).toContain(`127.0.0.1:${port}/health/ready`);
      // It calls each subgraph through the HAProxy frontend that balances over that subgraph.
      const { config } = configOf(service);
      for (const [subgraph, url] of Object.entries(config.subgraphUrls)) {
        const target = new URL(url);
        expect(target.hostname).toBe('haproxy');
        const frontend = [...frontends.values()].find((f) => f.port === Number(target.port));
        expect({ subgraph, backend: frontend?.backend }).toEqual({ subgraph, backend: subgraph });
      }
    }
    const published = (services.haproxy.ports ?? []).map((p) =>
      Number(substitute(p).split(':').pop()),
    );
    const bound = [...frontends.values()].map((f) => f.port);
    for (const port of published) expect(bound).toContain(port);
    expect(published).toContain(frontends.get('gateway')!.port);
    expect(services.haproxy.volumes).toContain(
      './haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro',
    );
  });

  it('has an HAProxy configuration that HAProxy accepts', () => {
    const output = execFileSync(haproxyBinary(), ['-c', '-f', path.join(DOCKER, 'haproxy.cfg')], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(output).toMatch(/Configuration file is valid/);
  });
});
