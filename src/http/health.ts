import type { Express } from 'express';
import type { ReadinessProbe } from './readiness';

/**
 * /health/live: the process answers. /health/ready: and what it depends on does too (its
 * database, or the gateway's subgraphs), said within a second (http/readiness).
 */
export function mountHealth(app: Express, ready: ReadinessProbe): void {
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    if (await ready()) res.json({ status: 'ok' });
    else res.status(503).json({ status: 'unavailable' });
  });
}
