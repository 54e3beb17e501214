import type { Page } from 'playwright-core';
import type { TestBrowser } from './index';

// A page cut off the network: every request to anything but `origin` is aborted and written down,
// and so are console errors, dialogs and Content-Security-Policy violations, for the test to
// assert that there were none.

const COLLECT_CSP_VIOLATIONS = `
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
  });`;

export const NO_PROBLEMS = { offSite: [], consoleErrors: [], dialogs: [], cspViolations: [] };

export interface PageProblems {
  offSite: string[];
  consoleErrors: string[];
  dialogs: string[];
  cspViolations: string[];
}

export async function offlinePage(
  browser: TestBrowser,
  origin: string,
): Promise<{ page: Page; problems: () => Promise<PageProblems> }> {
  const page = await browser.context.newPage();
  const offSite: string[] = [];
  const consoleErrors: string[] = [];
  const dialogs: string[] = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    // blob: URLs are the page's own downloads (the dashboard's CSV), never the network.
    if (new URL(url).origin === origin || url.startsWith('blob:')) return route.continue();
    offSite.push(url);
    return route.abort('internetdisconnected');
  });
  await page.addInitScript({ content: COLLECT_CSP_VIOLATIONS });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const problems = async () => ({
    offSite,
    consoleErrors,
    dialogs,
    cspViolations: (await page.evaluate('window.__cspViolations')) as string[],
  });
  return { page, problems };
}
