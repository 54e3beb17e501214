const { createNodeResolver, importX } = require('eslint-plugin-import-x');

// The folder boundaries of src/ (README, Project layout), kept by lint: dependencies point one
// way, from the command line down to configuration, and no import cycle closes anywhere.
//
//   config.ts, days.ts              nothing of the project
//   telemetry/                      + config.ts (metrics, traces, the request scope)
//   logger.ts                       + telemetry/request-scope (request ids on every line)
//   db/                             + the above (and migrations/index.ts, the list it runs)
//   auth/                           + db/
//   graphql/, http/, ingest/        + auth/ (ingest/: file formats, validation, seeding)
//   jobs/                           + config (the queue of scheduled reports: BullMQ or in-process)
//   subgraphs/<one>/                + graphql/; never another subgraph, never ingest/, except the
//                                     usage subgraph's ingestUsage, which runs ingest/validate/
//   gateway/                        + graphql/, http/; never a subgraph, ingest/ or schema/
//   schema/                         + subgraphs/ (composition of the subgraphs' SDL)
//   server/                         + gateway/, schema/ (wires the pieces into servers)
//   cli/, main.ts                   everything
//   migrations/                     nothing of src/: a migration is self-contained
//   web/ (the dashboard)            nothing of src/: a client of the public GraphQL API
//
// Each zone names who may not import (`target`) what (`from`), relative to the checkout.

const SRC = ['config.ts', 'logger.ts', 'days.ts', 'db', 'auth', 'graphql', 'http', 'ingest'];
const SUBGRAPHS = ['organizations', 'subscriptions', 'usage'];
const ABOVE = ['subgraphs', 'gateway', 'schema', 'server', 'cli', 'main.ts'];

const src = (path) => `./src/${path}`;

/** `target` may import nothing of `from`. */
function zone(target, from, message, except) {
  return { target: target.map(src), from: from.map(src), message, ...(except ? { except } : {}) };
}

const zones = [
  zone(
    ['config.ts', 'logger.ts', 'days.ts', 'db', 'auth', 'graphql', 'http', 'ingest'],
    ['jobs'],
    'jobs/ (the report queue) is used by the usage subgraph and the command line only',
  ),
  zone(
    ['jobs'],
    ['db', 'auth', 'graphql', 'http', 'ingest', ...ABOVE],
    'jobs/ is a queue: it knows jobs, not what they do (subgraphs/usage/schedules/ does)',
  ),
  zone(
    ['config.ts', 'days.ts'],
    ['logger.ts', 'telemetry', ...SRC.slice(3), ...ABOVE],
    'the base modules import nothing of the project',
  ),
  zone(
    ['logger.ts'],
    ['days.ts', ...SRC.slice(3), ...ABOVE],
    'logger.ts imports only config.ts and telemetry/ (the request scope)',
  ),
  zone(
    ['telemetry'],
    ['logger.ts', 'days.ts', ...SRC.slice(3), ...ABOVE],
    'telemetry/ is below everything that reports to it: it imports only config.ts',
  ),
  zone(
    ['db'],
    ['auth', 'graphql', 'http', 'ingest', ...ABOVE],
    'db/ is below auth/, graphql/ and ingest/',
  ),
  zone(
    ['auth'],
    ['graphql', 'http', 'ingest', ...ABOVE],
    'auth/ is below graphql/, http/ and ingest/',
  ),
  zone(
    ['graphql', 'http'],
    ['ingest', ...ABOVE],
    'graphql/ and http/ are below the subgraphs, the gateway and the servers',
  ),
  zone(
    ['ingest'],
    ['graphql', 'http', ...ABOVE],
    'ingest/ is file formats, validation and seeding: the command line uses it, it uses db/',
  ),
  ...SUBGRAPHS.map((name) =>
    zone(
      [`subgraphs/${name}`],
      SUBGRAPHS.filter((other) => other !== name).map((other) => `subgraphs/${other}`),
      'a subgraph never imports another one: what both need belongs in graphql/, auth/ or db/',
    ),
  ),
  zone(
    ['subgraphs'],
    ['gateway', 'schema', 'server', 'cli', 'main.ts'],
    'the subgraphs are below the gateway, schema/ and the servers',
  ),
  zone(
    ['subgraphs/organizations', 'subgraphs/subscriptions'],
    ['ingest'],
    'only the command line (and ingestUsage) uses ingest/',
  ),
  zone(
    ['subgraphs/usage'],
    ['ingest'],
    'the usage subgraph uses only ingest/validate/ (ingestUsage)',
    ['./validate'],
  ),
  zone(
    ['gateway'],
    ['subgraphs', 'ingest', 'schema', 'server', 'cli', 'main.ts'],
    'the gateway imports no subgraph, no ingest/, no schema tooling and no server (src/http/ is shared)',
  ),
  zone(
    ['schema'],
    ['ingest', 'gateway', 'server', 'cli', 'main.ts'],
    'schema/ composes the subgraphs, below the servers and the command line',
  ),
  zone(
    ['server'],
    ['ingest', 'cli', 'main.ts'],
    'server/ is below the command line and does not import ingest/',
  ),
  {
    target: './web',
    from: './src',
    message: 'the dashboard is a client of the public API: it imports nothing of the server',
  },
  {
    target: './migrations',
    from: './src',
    message: 'a migration is self-contained: it imports no live code',
  },
];

/** The boundary and cycle rules for the TypeScript files of the checkout at `basePath`. */
function boundaries(basePath) {
  return {
    files: ['src/**/*.ts', 'migrations/**/*.ts', 'web/src/**/*.ts', 'web/src/**/*.tsx'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.json'] }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath, zones }],
    },
  };
}

module.exports = { boundaries };
