import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { DASHBOARD_CSP, mountDashboard } from '../../../src/gateway/dashboard';
import { listen } from '../../../src/http/http-server';

// GET /app as the gateway serves it, over a build folder made here (the real Vite build is the
// browser tests' business): the page with its settings block under the strict policy, the demo
// token only for a loopback Host, hashed assets for a year, and JSON refusals.

const INDEX = `<!doctype html><html><head><script type="module" src="/app/assets/index-abc.js"></script></head><body></body></html>`;

async function serve(dir: string, demoToken: string | null) {
  const app = express();
  mountDashboard(app, { dir, demoToken });
  return (await listen(app, '127.0.0.1', 0)).running;
}

function settingsOf(html: string): Record<string, unknown> {
  const match = /<script type="application\/json" id="dashboard-config">(.*?)<\/script>/.exec(html);
  return JSON.parse(match![1]) as Record<string, unknown>;
}

describe('the dashboard at /app', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'licensegraph-dashboard-'));
    fs.mkdirSync(path.join(dir, 'assets'));
    fs.writeFileSync(path.join(dir, 'index.html'), INDEX);
    fs.writeFileSync(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1);');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('sends the page uncached under the strict policy, the demo token only on loopback', async () => {
    const running = await serve(dir, 'demo.token.</script>');
    try {
      const url = new URL('/app', running.url).href;
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
      expect(DASHBOARD_CSP).toMatch(/script-src 'self';/);
      expect(DASHBOARD_CSP).not.toMatch(/unsafe|\*|https?:/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      expect(html).not.toContain('</script>"');
      expect(settingsOf(html)).toEqual({
        graphqlPath: '/graphql',
        csvPath: '/reports/usage.csv',
        demoToken: 'demo.token.</script>',
      });
      // Another Host (DNS rebinding onto 127.0.0.1): the same page without the token.
      const { request } = await import('node:http');
      const other = await new Promise<string>((resolve, reject) => {
        const req = request(url, { headers: { host: 'evil.example' } }, (res) => {
          let body = '';
          res.on('data', (chunk) => (body += chunk));
          res.on('end', () => resolve(body));
        });
        req.on('error', reject);
        req.end();
      });
      expect(settingsOf(other).demoToken).toBeNull();

      const asset = await fetch(`${url}/assets/index-abc.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toMatch(/max-age=31536000.*immutable/);
      expect(asset.headers.get('content-type')).toMatch(/javascript/);
      const missing = await fetch(`${url}/assets/../index.html.bak`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        error: { code: 'NOT_FOUND', message: 'No such dashboard file' },
      });
    } finally {
      await running.stop();
    }
  });

  it('answers a JSON 503 naming the fix when the dashboard was never built', async () => {
    const running = await serve(path.join(dir, 'nothing-here'), null);
    try {
      const response = await fetch(new URL('/app', running.url));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error: {
          code: 'DASHBOARD_NOT_BUILT',
          message: expect.stringContaining('npm run build:web'),
        },
      });
    } finally {
      await running.stop();
    }
  });
});
