import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { SourceType } from '../../../db/enums';
import type { RequestContext } from '../../../graphql/context';
import { clusterServersLoader } from '../loaders/servers';
import { usageSourceOfType } from '../loaders/usage-sources';
import { Cluster } from '../types/cluster.type';
import { Server } from '../types/server.type';

@Resolver(() => Cluster)
export class ClusterResolver {
  @Query(() => Cluster, { nullable: true })
  cluster(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Cluster | null> {
    return usageSourceOfType(ctx, id, SourceType.CLUSTER);
  }

  @FieldResolver(() => [Server])
  servers(@Root() cluster: Cluster, @Ctx() ctx: RequestContext): Promise<Server[]> {
    return clusterServersLoader(ctx).load(cluster.id);
  }
}
