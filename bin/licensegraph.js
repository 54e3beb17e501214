#!/usr/bin/env node
'use strict';

// `npx licensegraph <command>` in a checkout: compiles the TypeScript first when dist/ is missing
// or older than the sources, then runs dist/src/main.js. An installed package (the Docker image)
// has no sources beside it and runs dist/ as it is.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { isStale, withBuildLock } = require('./build-tools');
const { ensureWebBuilt } = require('./build-web');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist', 'src', 'main.js');
/** What `tsc -p tsconfig.build.json` compiles, and the settings it compiles with. */
const SOURCES = ['src', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json'].map(
  (source) => path.join(root, source),
);
const LOCK = path.join(root, 'dist', '.build-lock');
/** The commands that run the gateway, which serves the dashboard at /app. */
const SERVING = new Set(['start', 'serve']);

const stale = () => isStale(entry, SOURCES);

/** Compiles dist/; returns why it could not, or null. */
function build() {
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!fs.existsSync(tsc))
    return 'dist/ needs building and TypeScript is missing: run `npm install` first.';
  // Stderr only: stdout belongs to the command (`licensegraph token` prints just the token).
  console.error(
    'licensegraph: building dist/ from the TypeScript sources (tsc -p tsconfig.build.json)...',
  );
  const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: ['ignore', 2, 2],
  });
  if (result.status === 0) return null;
  // tsc writes its output even when it reports errors; mark it stale so that the next run tries
  // again instead of running what failed to compile.
  if (fs.existsSync(entry)) fs.utimesSync(entry, 0, 0);
  return 'the build failed (errors above).';
}

const failure = stale() ? withBuildLock(LOCK, () => (stale() ? build() : null)) : null;
// The dashboard is a page of the gateway: a failed build of it leaves the API serving, and /app
// saying that the dashboard is not built.
const webFailure = failure === null && SERVING.has(process.argv[2]) ? ensureWebBuilt() : null;
if (webFailure !== null) console.error(`licensegraph: ${webFailure} The API runs without /app.`);
if (failure !== null) {
  console.error(`licensegraph: ${failure}`);
  process.exitCode = 1;
} else {
  require(entry)
    .main()
    .then((code) => {
      process.exitCode = code;
    });
}
