import { visibleUserCondition } from '../../../../auth/admin-visible-assignment';
import { inList } from '../../../../db/sql/placeholders';
import { byIdLoader } from '../../../../graphql/by-id-loader';
import type { RequestContext } from '../../../../graphql/context';
import { perRequest } from '../../../../graphql/per-request';
import { viewerOf } from '../../../../graphql/viewer-of';
import type { UserRef } from './report-schedule.type';

/** `_entities` for User here: the id back, for users the viewer may see (as organizations). */
export const userRefLoader = perRequest((ctx: RequestContext) =>
  byIdLoader<UserRef>(async (ids) => {
    const visible = visibleUserCondition(viewerOf(ctx), 'u.id');
    return ctx.ds.query(
      `SELECT u.id FROM users u WHERE u.id IN ${inList(ids)} AND ${visible.sql}`,
      [...ids, ...visible.params],
    );
  }),
);
