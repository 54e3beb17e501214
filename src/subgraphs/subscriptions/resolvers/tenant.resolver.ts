import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { SourceType } from '../../../db/enums';
import type { RequestContext } from '../../../graphql/context';
import { usageSourceOfType } from '../loaders/usage-sources';
import { Tenant } from '../types/tenant.type';

@Resolver(() => Tenant)
export class TenantResolver {
  @Query(() => Tenant, { nullable: true })
  tenant(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Tenant | null> {
    return usageSourceOfType(ctx, id, SourceType.TENANT);
  }
}
