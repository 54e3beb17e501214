import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/load-viewer';

/**
 * What every resolver of every subgraph gets. `viewer` is null for a request without a token
 * (only `_service` answers it); its scope was loaded from the database for this request alone.
 */
export interface RequestContext {
  ds: DataSource;
  viewer: Viewer | null;
  /** The UTC calendar day at the start of the request: the default `asOf`. */
  today: string;
}

export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
