import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

// The browser of the browser tests comes with `npm install`: @sparticuz/chromium ships a
// chrome-headless-shell build with the few libraries it needs (NSS, expat) and a font, as brotli
// archives. Nothing is downloaded and no system browser or library is used.
//
// The package unpacks into os.tmpdir() and keeps whatever it finds there, so a /tmp that holds
// another version's files (or half of them) gives a browser that crashes. Here it unpacks, in a
// child process, into a staging folder of our own that is then renamed to a folder named for the
// package's version under node_modules/.cache. A rename is atomic: jest workers that unpack at the
// same time each either put a complete folder in place or find one, and never see a partial one.

const PACKAGE = '@sparticuz/chromium';
const CACHE_DIR = path.resolve(__dirname, '../../../node_modules/.cache/licensegraph-chromium');

export interface UnpackedChromium {
  executablePath: string;
  /** The NSS and expat libraries the binary links against. */
  libraryDir: string;
  /** A fontconfig file that lists only the bundled font. */
  fontConfigFile: string;
}

function locate(dir: string): UnpackedChromium {
  return {
    executablePath: path.join(dir, 'chromium'),
    libraryDir: path.join(dir, 'al2023', 'lib'),
    fontConfigFile: path.join(dir, 'licensegraph-fonts.conf'),
  };
}

function isComplete(dir: string): boolean {
  const { executablePath, libraryDir, fontConfigFile } = locate(dir);
  return [executablePath, path.join(libraryDir, 'libnss3.so'), fontConfigFile].every((file) =>
    fs.existsSync(file),
  );
}

/** The package's entry point and version (its folder is the nearest one named for it). */
function packageMain(): { main: string; version: string } {
  const main = require.resolve(PACKAGE);
  for (let dir = path.dirname(main); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const { name, version } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
    if (name === PACKAGE) return { main, version };
  }
  throw new Error(`${main} is not inside a folder of ${PACKAGE}`);
}

// The package unpacks its libraries only where it believes it runs on Amazon Linux 2023
// (AWS_LAMBDA_JS_RUNTIME); the child says so, so that the browser needs no system NSS.
const UNPACK = `
require(process.argv[1]).executablePath().then(
  (file) => process.stdout.write(file),
  (error) => { process.stderr.write(String((error && error.stack) || error)); process.exit(1); },
);`;

function fontConfig(dir: string): string {
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    `  <dir>${path.join(dir, 'fonts', 'fonts')}</dir>`,
    `  <cachedir>${path.join(dir, 'fonts-cache')}</cachedir>`,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Unpacks the package into `staging`, with a font configuration for its place once renamed to `dir`. */
async function unpackInto(staging: string, dir: string, main: string): Promise<void> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', UNPACK, main], {
    env: { ...process.env, TMPDIR: staging, AWS_LAMBDA_JS_RUNTIME: 'nodejs20.x' },
  });
  if (stdout !== path.join(staging, 'chromium')) {
    throw new Error(`${PACKAGE} unpacked its browser to ${stdout}, not into ${staging}`);
  }
  fs.writeFileSync(locate(staging).fontConfigFile, fontConfig(dir));
}

/** Moves a folder out of the way and deletes it; another worker may have moved it first. */
function discard(dir: string): void {
  const aside = `${dir}.discarded-${crypto.randomUUID()}`;
  try {
    fs.renameSync(dir, aside);
  } catch {
    return;
  }
  fs.rmSync(aside, { recursive: true, force: true });
}

/** The package's browser, unpacked once per package version into node_modules/.cache. */
export async function unpackChromium(cacheDir = CACHE_DIR): Promise<UnpackedChromium> {
  const { main, version } = packageMain();
  const dir = path.join(cacheDir, version);
  if (isComplete(dir)) return locate(dir);
  // A folder of this version that lacks a file (deleted by hand) is replaced.
  if (fs.existsSync(dir) && !isComplete(dir)) discard(dir);

  fs.mkdirSync(cacheDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(cacheDir, `${version}.unpacking-`));
  try {
    await unpackInto(staging, dir, main);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      // Another worker put its complete folder in place first (the target is not empty).
      if (!isComplete(dir)) throw error;
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  if (!isComplete(dir))
    throw new Error(`${PACKAGE} ${version} did not unpack completely into ${dir}`);
  return locate(dir);
}
