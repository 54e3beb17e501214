import type { Express } from 'express';
import type { DataSource } from 'typeorm';

/** /health/live: the process answers. /health/ready: and its database does too. */
export function mountHealth(app: Express, ds: DataSource | null): void {
  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    try {
      if (ds) await ds.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
}
