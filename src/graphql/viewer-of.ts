import type { Viewer } from '../auth/load-viewer';
import type { RequestContext } from './context';
import { unauthenticated } from './errors';

/** The viewer of a request that the permissions already let through as authenticated. */
export function viewerOf(ctx: RequestContext): Viewer {
  if (!ctx.viewer) throw unauthenticated();
  return ctx.viewer;
}
