import { Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { viewerOf } from '../../../graphql/viewer-of';
import { Viewer } from '../types/viewer.type';

@Resolver(() => Viewer)
export class ViewerResolver {
  @Query(() => Viewer, { description: 'The user behind the bearer token and its roles' })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    const viewer = viewerOf(ctx);
    return { user: viewer.user, roles: viewer.assignments };
  }
}
