#!/usr/bin/env node
'use strict';

// The dashboard's build: Vite turns web/ into dist/web/, which the gateway serves at /app. It runs
// when dist/web/ is missing or older than web/ (on `licensegraph start` and `serve`, before the
// browser tests, and as `npm run build:web`), never while a request waits. An installed package
// (the Docker image) has no web/ beside dist/ and serves what was built into it.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { isStale, withBuildLock } = require('./build-tools');

const root = path.resolve(__dirname, '..');
const WEB = path.join(root, 'web');
const BUILT = path.join(root, 'dist', 'web', 'index.html');
const SOURCES = [WEB, path.join(root, 'package-lock.json')];
const LOCK = path.join(root, 'dist', '.web-build-lock');

function stale() {
  return fs.existsSync(WEB) && isStale(BUILT, SOURCES);
}

/** Builds dist/web/ when needed; returns why it could not, or null. */
function build() {
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!fs.existsSync(vite)) {
    return 'the dashboard needs building and Vite is missing: run `npm install` first.';
  }
  // Stderr only: stdout belongs to the command.
  console.error('licensegraph: building the dashboard, web/ → dist/web/ (vite build)...');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(WEB, 'vite.config.mjs')],
    { cwd: root, stdio: ['ignore', 2, 2] },
  );
  if (result.status === 0) return null;
  fs.rmSync(BUILT, { force: true });
  return 'the dashboard build failed (errors above).';
}

/** The dashboard built and current; returns why not, or null. */
function ensureWebBuilt({ force = false } = {}) {
  if (!force && !stale()) return null;
  return withBuildLock(LOCK, () => (force || stale() ? build() : null));
}

module.exports = { ensureWebBuilt };

if (require.main === module) {
  const failure = ensureWebBuilt({ force: process.argv.includes('--force') });
  if (failure !== null) {
    console.error(`licensegraph: ${failure}`);
    process.exitCode = 1;
  }
}
