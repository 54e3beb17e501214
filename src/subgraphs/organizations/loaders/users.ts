import { visibleUserCondition } from '../../../auth/admin-visible-assignment';
import { inList } from '../../../db/sql/placeholders';
import { byIdLoader } from '../../../graphql/by-id-loader';
import type { RequestContext } from '../../../graphql/context';
import { perRequest } from '../../../graphql/per-request';
import { viewerOf } from '../../../graphql/viewer-of';
import type { User } from '../types/user.type';

/** The viewer itself, and users holding a role where the viewer may read role assignments. */
export const userLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<User>(async (ids) => {
    const visible = visibleUserCondition(viewerOf(ctx), 'u.id');
    const rows: Array<{ id: string; email: string; display_name: string }> = await ctx.ds.query(
      `SELECT u.id, u.email, u.display_name FROM users u
       WHERE u.id IN ${inList(ids)} AND ${visible.sql}`,
      [...ids, ...visible.params],
    );
    return rows.map((row) => ({ id: row.id, email: row.email, displayName: row.display_name }));
  }),
);
