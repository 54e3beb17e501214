import express from 'express';
import { buildSchema, getVariableValues, Kind, parse } from 'graphql';
import type { OperationDefinitionNode } from 'graphql';
import type { Page } from 'playwright-core';
import { signToken } from '../../../src/auth/sign-token';
import { loadContractExamples } from '../../../src/cli/playground/examples';
import { mountPlayground } from '../../../src/gateway/playground';
import { listen } from '../../../src/http/http-server';
import { launchChromium } from '../../support/chromium';
import type { TestBrowser } from '../../support/chromium';
import { NO_PROBLEMS, offlinePage } from '../../support/chromium/offline-page';
import { contractFile, exampleOperations } from '../../support/contract';
import { TEST_JWT } from '../../support/stack';
import { useFixtureStack } from './fixture-stack';

// The playground as a person meets it: headless Chromium opens GET /graphql on the gateway with
// every request to anywhere else cut off, and runs queries against the fixture with the demo token
// the page was given.

const DEMO_USER = 'u-pfa-north';
const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';

async function openPlayground(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator(QUERY_EDITOR).waitFor();
}

/** The text of every editor on the page: query, variables, headers, response. */
async function editorTexts(page: Page): Promise<string[]> {
  return page.evaluate(
    `[...document.querySelectorAll('.CodeMirror')].map((element) => element.CodeMirror.getValue())`,
  ) as Promise<string[]>;
}

async function runAndWaitFor(page: Page, text: string): Promise<string> {
  await page.click('.graphiql-execute-button');
  const response = page.locator('.graphiql-response', { hasText: text });
  await response.waitFor({ timeout: 20_000 });
  return response.innerText();
}

describe('playground', () => {
  const examples = loadContractExamples();
  const { stack, fixture } = useFixtureStack({
    stackOptions: async () => {
      const demoToken = await signToken({ userId: DEMO_USER, ttl: '10m' }, TEST_JWT);
      return { mountOnGateway: (app) => mountPlayground(app, { examples, demoToken }) };
    },
  });
  let gatewayUrl: string;
  let gatewayOrigin: string;
  let browser: TestBrowser;

  // The first launch on a machine unpacks the browser (test/support/chromium/unpack.ts).
  beforeAll(async () => {
    gatewayUrl = stack.gatewayUrl;
    gatewayOrigin = new URL(gatewayUrl).origin;
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('loads with the network cut off and runs the preloaded Viewer example with the demo token', async () => {
    const { page, problems } = await offlinePage(browser, gatewayOrigin);
    await openPlayground(page, gatewayUrl);

    // Every example operation as a tab, in the order given: Viewer (no variables) first.
    const tabs = (await page.locator('.graphiql-tab').allInnerTexts()).map((tab) => tab.trim());
    expect(tabs).toEqual(examples.map((example) => example.name));
    expect([...tabs].sort()).toEqual(
      exampleOperations()
        .map((operation) => operation.name)
        .sort(),
    );
    expect(tabs[0]).toBe('Viewer');
    expect((await editorTexts(page))[0]).toContain('query Viewer');

    const user = fixture.users.find((candidate) => candidate.id === DEMO_USER)!;
    const result = await runAndWaitFor(page, user.email);
    expect(result).toContain('Northwind Telecom');
    expect(result).not.toContain('errors');

    // Another tab opens with its example's variables.
    const overview = examples.find((example) => example.name === 'SubscriptionOverview')!;
    await page.locator('.graphiql-tab', { hasText: overview.name }).click();
    const texts = await editorTexts(page);
    expect(texts[0]).toContain('query SubscriptionOverview');
    expect(texts).toContain(JSON.stringify(overview.variables, null, 2));

    expect(await problems()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it('runs a query typed into a new tab, which starts with the demo token too', async () => {
    const { page, problems } = await offlinePage(browser, gatewayOrigin);
    await openPlayground(page, gatewayUrl);
    await page.click('.graphiql-tab-add');
    const query = '{ partner(id: "p-north") { name } }';
    // The new tab's editor may not take the first keystrokes while it is being mounted: type
    // until it holds the query.
    for (let attempt = 0; attempt < 5 && (await editorTexts(page))[0] !== query; attempt++) {
      await page.click(QUERY_EDITOR);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.insertText(query);
    }
    expect((await editorTexts(page))[0]).toBe(query);
    // GraphiQL hands an edit to the tab's state after a debounce: let it settle before running.
    await page.waitForTimeout(500);

    const result = await runAndWaitFor(page, 'Northwind Telecom');
    expect(result).not.toContain('errors');
    expect(await problems()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it('shows the schema documentation and its dialogs within its Content-Security-Policy', async () => {
    const { page, problems } = await offlinePage(browser, gatewayOrigin);
    await openPlayground(page, gatewayUrl);
    await page.getByRole('button', { name: /Documentation Explorer/ }).click();
    await page.locator('.graphiql-doc-explorer', { hasText: 'Viewer' }).waitFor();
    for (const dialog of ['Open settings dialog', 'Open short keys dialog']) {
      await page.getByRole('button', { name: dialog }).click();
      await page.getByRole('dialog').waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('dialog').waitFor({ state: 'detached' });
    }
    expect(await problems()).toEqual(NO_PROBLEMS);
    await page.close();
  });

  it('leaves a GET that asks for JSON to Apollo', async () => {
    const token = await signToken({ userId: DEMO_USER, ttl: '10m' }, TEST_JWT);
    const response = await fetch(`${gatewayUrl}?query=${encodeURIComponent('{ __typename }')}`, {
      headers: {
        accept: 'application/json',
        authorization: `Bearer ${token}`,
        'apollo-require-preflight': 'true',
      },
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('sends the page uncached under a policy without inline script or eval, its assets cacheable', async () => {
    const response = await fetch(gatewayUrl, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('vary')).toMatch(/Accept/i);
    const policy = Object.fromEntries(
      (response.headers.get('content-security-policy') ?? '').split(';').map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        return [name, sources];
      }),
    );
    expect(policy['default-src']).toEqual(["'none'"]);
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['connect-src']).toEqual(["'self'"]);
    expect(Object.values(policy).flat()).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/unsafe|\*|https?:/)]),
    );

    const html = await response.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/playground\/assets\/[^"]+)"/g)];
    expect(assets.map(([, url]) => url.split('/').pop())).toEqual([
      'graphiql.min.css',
      expect.stringMatching(/^playground\.\w+\.css$/),
      'react.production.min.js',
      'react-dom.production.min.js',
      'graphiql.min.js',
      expect.stringMatching(/^boot\.\w+\.js$/),
    ]);
    for (const [, url] of assets) {
      const asset = await fetch(new URL(url, gatewayOrigin));
      expect([url, asset.status]).toEqual([url, 200]);
      expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
      expect(asset.headers.get('content-type')).toMatch(url.endsWith('.js') ? /javascript/ : /css/);
      await asset.arrayBuffer();
    }
    const unknown = await fetch(
      new URL('/playground/assets/graphiql@3.8.2/package.json', gatewayOrigin),
    );
    expect(unknown.status).toBe(404);
  });

  it('gives every example variables that its operation accepts in the contract schema', () => {
    const contract = buildSchema(contractFile('api.graphql'));
    for (const example of examples) {
      const operation = parse(example.query).definitions.find(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION,
      )!;
      const { errors } = getVariableValues(
        contract,
        operation.variableDefinitions ?? [],
        example.variables ?? {},
      );
      expect([example.name, errors?.map((error) => error.message)]).toEqual([
        example.name,
        undefined,
      ]);
    }
  });

  it('embeds hostile example text as text, and no token without a demo token', async () => {
    const hostile =
      '# </script><script>alert(1)</script> <!-- \u2028\u2029 "\' &amp;\n{ __typename }\n';
    const app = express();
    mountPlayground(app, { examples: [{ name: 'Hostile', query: hostile }] });
    const { running } = await listen(app, '127.0.0.1', 0);
    try {
      const { page, problems } = await offlinePage(browser, new URL(running.url).origin);
      await openPlayground(page, running.url);
      const texts = await editorTexts(page);
      expect(texts[0]).toBe(hostile);
      expect(texts.join('\n')).not.toContain('Bearer');
      // No GraphQL server stands behind this page: only its schema request may fail (404).
      const { consoleErrors, ...others } = await problems();
      expect(others).toEqual({ offSite: [], dialogs: [], cspViolations: [] });
      expect(consoleErrors.filter((error) => !error.includes('status of 404'))).toEqual([]);
      await page.close();
    } finally {
      await running.stop();
    }
  });
});
