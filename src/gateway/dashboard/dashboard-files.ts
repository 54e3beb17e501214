import fs from 'node:fs';
import path from 'node:path';

// Where the built dashboard lives: dist/web/ at the root of the checkout, written by Vite from
// web/ (bin/build-web.js, on first start and before the browser tests; never at request time).

/** dist/web/ of the checkout (src/gateway/dashboard and dist/src/gateway/dashboard alike). */
export function dashboardBuildDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) dir = path.dirname(dir);
  return path.join(dir, 'dist', 'web');
}

export const CONFIG_ELEMENT_ID = 'dashboard-config';

/** What the page's script reads from its JSON data block (web/src/api/config.ts). */
export interface DashboardSettings {
  graphqlPath: string;
  csvPath: string;
  /** The embedded demo's token, only on a loopback Host; null otherwise. */
  demoToken: string | null;
}

/** The built index.html, or null when the dashboard has not been built. */
export function readBuiltIndex(dir: string): string | null {
  try {
    return fs.readFileSync(path.join(dir, 'index.html'), 'utf8');
  } catch {
    return null;
  }
}
