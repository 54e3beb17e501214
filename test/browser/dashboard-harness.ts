import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { signToken } from '../../src/auth/sign-token';
import { mountDashboard } from '../../src/gateway/dashboard';
import { todayUtc } from '../../src/days';
import { DEMO_USER_ID, seed } from '../../src/ingest/seed/seed';
import { launchChromium } from '../support/chromium';
import type { TestBrowser } from '../support/chromium';
import { offlinePage } from '../support/chromium/offline-page';
import type { PageProblems } from '../support/chromium/offline-page';
import { openTestDatabase } from '../support/database';
import type { TestDatabase } from '../support/database';
import { lateBound } from '../support/late-bound';
import { startTestStack, TEST_JWT } from '../support/stack';
import type { TestStack } from '../support/stack';

// What the dashboard's browser tests start from: the dashboard built as `npm start` builds it,
// the demo data seeded for today, the whole graph with the dashboard on its gateway (the demo
// token in the page, as the embedded demo on loopback gives it), and one headless Chromium.

const ROOT = path.resolve(__dirname, '../..');

/** docs/screenshots/ with `npm run screenshots`; else a temporary folder, removed afterwards. */
const KEPT_SCREENSHOTS = process.env.DASHBOARD_SCREENSHOTS;

export interface DashboardHarness {
  stack: TestStack;
  browser: TestBrowser;
  screenshotDir: string;
  /** http://127.0.0.1:PORT/app */
  appUrl: string;
  origin: string;
}

export function useDashboard(): DashboardHarness {
  let db: TestDatabase | undefined;
  let stack: TestStack | undefined;
  let browser: TestBrowser | undefined;
  const screenshotDir =
    KEPT_SCREENSHOTS !== undefined
      ? path.resolve(ROOT, KEPT_SCREENSHOTS)
      : fs.mkdtempSync(path.join(os.tmpdir(), 'licensegraph-screenshots-'));
  beforeAll(async () => {
    execFileSync(process.execPath, [path.join(ROOT, 'bin', 'build-web.js')], { stdio: 'inherit' });
    db = await openTestDatabase();
    await seed(db.ds, 'demo', { today: todayUtc() });
    const demoToken = await signToken({ userId: DEMO_USER_ID, ttl: '1h' }, TEST_JWT);
    stack = await startTestStack(db, undefined, {
      mountOnGateway: (app) => mountDashboard(app, { demoToken }),
    });
    // The first launch on a machine unpacks the browser (test/support/chromium/unpack.ts).
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await db?.close();
    if (KEPT_SCREENSHOTS === undefined) fs.rmSync(screenshotDir, { recursive: true, force: true });
  });
  return {
    stack: lateBound('the test stack', () => stack),
    browser: lateBound('the browser', () => browser),
    screenshotDir,
    get appUrl() {
      return lateBound('the test stack', () => stack).gatewayUrl.replace(/\/graphql$/, '/app');
    },
    get origin() {
      return new URL(lateBound('the test stack', () => stack).gatewayUrl).origin;
    },
  };
}

/** A page of the dashboard, cut off the network, that counts the GraphQL requests it makes. */
export interface DashboardPage {
  page: Page;
  problems(): Promise<PageProblems>;
  /** GraphQL requests since the last call, once none is under way. */
  requestsSettled(): Promise<number>;
  screenshot(name: string): Promise<void>;
}

export async function dashboardPage(harness: DashboardHarness): Promise<DashboardPage> {
  const { page, problems } = await offlinePage(harness.browser, harness.origin);
  await page.setViewportSize({ width: 1280, height: 900 });
  let started = 0;
  let open = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname !== '/graphql') return;
    started += 1;
    open += 1;
  });
  const done = (request: { url(): string }) => {
    if (new URL(request.url()).pathname === '/graphql') open -= 1;
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    page,
    problems,
    async requestsSettled() {
      // Quiet twice in a row: a view that renders starts its next request within a frame.
      for (let quiet = 0; quiet < 2;) {
        await page.waitForTimeout(150);
        quiet = open === 0 ? quiet + 1 : 0;
      }
      const count = started;
      started = 0;
      return count;
    },
    async screenshot(name) {
      await page.screenshot({
        path: path.join(harness.screenshotDir, `${name}.png`),
        fullPage: true,
      });
    },
  };
}

/** The page's text in the cell `selector`, trimmed. */
export async function cell(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).trim();
}
