import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/load-viewer';
import type { RequestSettings } from '../config';

/**
 * What every resolver of every subgraph gets. `viewer` is null for a request without a token
 * (only `_service` answers it); its scope was loaded from the database for this request alone.
 */
export interface RequestContext {
  ds: DataSource;
  viewer: Viewer | null;
  /** The UTC calendar day at the start of the request: the default `asOf`. */
  today: string;
  /** The configuration the resolvers use (alerts, reports), read once at start-up. */
  settings: RequestSettings;
}
