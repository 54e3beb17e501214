import type { Express } from 'express';
import type { Lifecycle } from './http-server';
import type { ReadinessProbe } from './readiness';

/**
 * /health/live: the process answers. /health/ready: and what it depends on does too (its
 * database, or the gateway's subgraphs), said within a second (http/readiness); 503 from the
 * moment the process starts to stop.
 */
export function mountHealth(app: Express, ready: ReadinessProbe, lifecycle: Lifecycle): void {
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    if (lifecycle.draining) res.status(503).json({ status: 'draining' });
    else if (await ready()) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable' });
  });
}
