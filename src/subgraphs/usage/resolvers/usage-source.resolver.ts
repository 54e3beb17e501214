import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { currentUsageLoader, toUsageSnapshot } from '../loaders/current-usage';
import { usagePointLoader } from '../loaders/usage-points';
import { UsagePoint } from '../types/usage-point.type';
import { UsageSnapshot } from '../types/usage-snapshot.type';
import { UsageSource } from '../types/usage-source.type';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';
import { UsageArgs, usagePointArgs } from './usage.args';

/** The usage fields of every cluster and tenant (inherited by both object types). */
@Resolver(() => UsageSource)
export class UsageSourceResolver {
  @FieldResolver(() => [UsageSnapshot], {
    nullable: true,
    description:
      'Per license type, the latest snapshot on or before asOf (default today, UTC); ' +
      'a license type never reported is left out',
  })
  async currentUsage(
    @Root() source: UsageSource,
    @Args() args: AsOfArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<UsageSnapshot[]> {
    const rows = await currentUsageLoader(ctx, { asOf: asOfDay(args, ctx) }).load(source.id);
    return rows.map(toUsageSnapshot);
  }

  @FieldResolver(() => [UsagePoint], {
    nullable: true,
    description:
      'Daily, weekly (from Monday) or monthly buckets of the reported days between from and to',
  })
  async usage(
    @Root() source: UsageSource,
    @Args() args: UsageArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<UsagePoint[]> {
    const rows = await usagePointLoader(ctx, usagePointArgs(args)).load(source.id);
    return rows.map(({ sourceId: _sourceId, ...point }) => point);
  }
}
