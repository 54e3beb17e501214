#!/usr/bin/env node
'use strict';

// `npx licensegraph <command>` in a checkout: compiles the TypeScript first when dist/ is missing
// or older than the sources, then runs dist/src/main.js. An installed package (the Docker image)
// has no sources beside it and runs dist/ as it is.

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist', 'src', 'main.js');
/** What `tsc -p tsconfig.build.json` compiles, and the settings it compiles with. */
const SOURCES = ['src', 'migrations', 'bench', 'tsconfig.json', 'tsconfig.build.json'];
const LOCK = path.join(root, 'dist', '.build-lock');
const LOCK_PATIENCE_MS = 5 * 60 * 1000;

function mtimeOf(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -Infinity;
  }
}

/** True when anything under `file` changed after `since`; a folder's own mtime covers deletions. */
function changedSince(file, since) {
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    return false;
  }
  if (stat.mtimeMs > since) return true;
  if (!stat.isDirectory()) return false;
  return fs.readdirSync(file).some((name) => changedSince(path.join(file, name), since));
}

function isStale() {
  const built = mtimeOf(entry);
  return (
    built === -Infinity || SOURCES.some((source) => changedSince(path.join(root, source), built))
  );
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Two commands started at once (two test runners, say) must not compile over each other. */
function withBuildLock(work) {
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  const start = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than any build is left over from a killed build.
      if (Date.now() - mtimeOf(LOCK) > LOCK_PATIENCE_MS)
        fs.rmSync(LOCK, { recursive: true, force: true });
      else if (Date.now() - start > LOCK_PATIENCE_MS) throw new Error(`${LOCK} is held too long`);
      else sleep(250);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}

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

const failure = isStale() ? withBuildLock(() => (isStale() ? build() : null)) : null;
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
