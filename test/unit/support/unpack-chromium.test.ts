import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unpackChromium } from '../../support/chromium/unpack';

// The browser tests' Chromium is unpacked from its npm package on first use. Two jest workers may
// do that at once, and a folder left by an earlier, broken unpack must not be used as it is.

const MANIFEST = path.resolve(__dirname, '../../../node_modules/@sparticuz/chromium/package.json');
const VERSION = (JSON.parse(fs.readFileSync(MANIFEST, 'utf8')) as { version: string }).version;

describe('unpacking the browser tests’ Chromium', () => {
  let cacheDir: string;
  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licensegraph-unpack-'));
  });
  afterEach(() => {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('gives two unpacks at once, over a broken folder, one complete browser that runs', async () => {
    const broken = path.join(cacheDir, VERSION);
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'libvulkan.so.1'), 'left by another version');

    const [first, second] = await Promise.all([unpackChromium(cacheDir), unpackChromium(cacheDir)]);
    expect(second).toEqual(first);
    expect(path.dirname(first.executablePath)).toBe(broken);
    expect(fs.readdirSync(cacheDir)).toEqual([VERSION]);
    expect(fs.readFileSync(path.join(broken, 'libvulkan.so.1'), 'utf8')).not.toContain('another');

    const { stdout } = await promisify(execFile)(first.executablePath, ['--version'], {
      env: { ...process.env, LD_LIBRARY_PATH: first.libraryDir },
    });
    expect(stdout).toMatch(new RegExp(`^Chromium ${VERSION.split('.')[0]}\\.`));
  }, 180_000);
});
