import path from 'node:path';
import express from 'express';
import type { Express } from 'express';
import {
  CACHE_FOR_A_YEAR,
  isLoopbackHost,
  pageHeaders,
  scriptSafeJson,
  strictPagePolicy,
} from '../page-policy';
import { CONFIG_ELEMENT_ID, dashboardBuildDir, readBuiltIndex } from './dashboard-files';
import type { DashboardSettings } from './dashboard-files';

// GET /app: the license usage dashboard, a client of the public GraphQL API like any other. The
// page and its hashed assets come from the Vite build (dist/web/); the server adds only the
// settings block, the demo token in it on loopback as for the playground.

export const DASHBOARD_PATH = '/app';

/** No library of the dashboard writes inline style text: the strict policy as it is. */
export const DASHBOARD_CSP = strictPagePolicy();

export interface DashboardOptions {
  /** The Vite build's folder (default dist/web/ of the checkout). */
  dir?: string;
  /** Only for the embedded demo, and only handed to a page asked for with a loopback Host. */
  demoToken?: string | null;
  graphqlPath?: string;
  csvPath?: string;
}

function withSettings(index: string, settings: DashboardSettings): string {
  const block = `<script type="application/json" id="${CONFIG_ELEMENT_ID}">${scriptSafeJson(settings)}</script>`;
  return index.replace('</head>', `${block}\n</head>`);
}

const NOT_BUILT = {
  error: {
    code: 'DASHBOARD_NOT_BUILT',
    message: 'The dashboard has not been built: run `npm run build:web` (npm start does it)',
  },
};

export function mountDashboard(app: Express, options: DashboardOptions = {}): void {
  const dir = options.dir ?? dashboardBuildDir();
  const index = readBuiltIndex(dir);
  const settings = (demoToken: string | null): DashboardSettings => ({
    graphqlPath: options.graphqlPath ?? '/graphql',
    csvPath: options.csvPath ?? '/reports/usage.csv',
    demoToken,
  });
  const pageWithToken = index && withSettings(index, settings(options.demoToken ?? null));
  const page = index && withSettings(index, settings(null));

  app.get([DASHBOARD_PATH, `${DASHBOARD_PATH}/`], (req, res) => {
    if (index === null) {
      res.status(503).json(NOT_BUILT);
      return;
    }
    res.set(pageHeaders(DASHBOARD_CSP));
    res.type('html').send(isLoopbackHost(req.headers.host) ? pageWithToken : page);
  });
  // Vite names every asset by its content hash.
  app.use(
    `${DASHBOARD_PATH}/assets`,
    express.static(path.join(dir, 'assets'), {
      index: false,
      redirect: false,
      dotfiles: 'ignore',
      immutable: true,
      maxAge: '1y',
      setHeaders: (res) => {
        res.setHeader('Cache-Control', CACHE_FOR_A_YEAR);
        res.setHeader('X-Content-Type-Options', 'nosniff');
      },
    }),
  );
  // Anything else under /app: a JSON 404, not Express's page (which would name the path).
  app.use(DASHBOARD_PATH, (_req, res) => {
    res.status(404).json({ error: { code: 'NOT_FOUND', message: 'No such dashboard file' } });
  });
}
