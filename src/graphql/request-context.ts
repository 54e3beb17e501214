import type { IncomingHttpHeaders } from 'node:http';
import type { DataSource } from 'typeorm';
import type { ReadRouting } from '../db/read-routing';
import type { RequestSettings } from '../config';
import { AuthenticationError } from '../auth/errors';
import { bearerToken } from '../auth/jwt';
import type { TokenVerifier } from '../auth/jwt';
import { loadViewer } from '../auth/load-viewer';
import { todayUtc } from '../days';
import type { RequestContext } from './context';
import { unauthenticated } from './errors';

/**
 * Every subgraph verifies the bearer token itself (no subgraph trusts the network) and loads the
 * viewer's scope afresh. No token: a context without viewer, so that only `_service` answers.
 * A token that does not verify, or names no known user, is refused outright.
 *
 * With a read replica (`reads`), a request that only reads (`readOnly`) runs on whichever data
 * source the routing names now, viewer included; anything else, a mutation above all, on the
 * primary `ds`, so that it reads what it writes and checks roles nobody has revoked since.
 */
export function createRequestContext(
  primary: DataSource,
  verify: TokenVerifier,
  settings: RequestSettings,
  reads: ReadRouting | null = null,
) {
  return async (
    headers: IncomingHttpHeaders,
    options: { readOnly?: boolean } = {},
  ): Promise<RequestContext> => {
    const ds = options.readOnly && reads ? reads.reader() : primary;
    const today = todayUtc();
    const header = headers.authorization;
    if (header === undefined || header === '') return { ds, viewer: null, today, settings };
    const token = bearerToken(header);
    if (!token) throw unauthenticated('The Authorization header must be "Bearer <token>"');
    let userId: string;
    try {
      ({ userId } = await verify(token));
    } catch (error) {
      if (error instanceof AuthenticationError) throw unauthenticated(error.message);
      throw error;
    }
    const viewer = await loadViewer(ds, userId);
    if (!viewer) throw unauthenticated('The token names no known user');
    return { ds, viewer, today, settings };
  };
}
