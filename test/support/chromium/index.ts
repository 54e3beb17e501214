import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';
import { unpackChromium } from './unpack';

// Headless Chromium for the browser tests: the build that `npm install` brought (./unpack.ts), a
// profile of its own per launch, and nothing that reaches the network on its own. The tests cut
// each page off the network too and write down anything it asked for elsewhere.

const CHROMIUM_ARGS = [
  // The tests run as root in CI, where Chromium's sandbox cannot start; the browser only ever
  // loads the test's own server on the loopback interface.
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--no-pings',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  // No host name resolves: whatever got past a page's own routing could reach only 127.0.0.1.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  const { executablePath, libraryDir, fontConfigFile } = await unpackChromium();
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'licensegraph-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      // Not the machine's: a POSIX locale reaches pages as navigator.language "en-US@posix",
      // which Intl refuses (uPlot formats its axes with it).
      locale: 'en-US',
      timezoneId: 'UTC',
      env: {
        ...process.env,
        LD_LIBRARY_PATH: [libraryDir, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
        FONTCONFIG_FILE: fontConfigFile,
      },
    });
    return {
      context,
      async close() {
        await context.close();
        fs.rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    fs.rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
