'use strict';

// What bin/licensegraph.js (the TypeScript build) and bin/build-web.js (the dashboard's Vite
// build) share: is a build older than its sources, and one build at a time.

const fs = require('node:fs');
const path = require('node:path');

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

/** True when `built` is missing or any of `sources` changed after it was written. */
function isStale(built, sources) {
  const builtAt = mtimeOf(built);
  return builtAt === -Infinity || sources.some((source) => changedSince(source, builtAt));
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Two commands started at once (two test runners, say) must not build over each other. */
function withBuildLock(lock, work) {
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  const start = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock older than any build is left over from a killed build.
      if (Date.now() - mtimeOf(lock) > LOCK_PATIENCE_MS)
        fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - start > LOCK_PATIENCE_MS) throw new Error(`${lock} is held too long`);
      else sleep(250);
    }
  }
  try {
    return work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

module.exports = { isStale, mtimeOf, withBuildLock };
