import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { partnerLoader } from '../loaders/partners';
import { CustomerConnection } from '../types/customer-connection.type';
import { Partner } from '../types/partner.type';
import { CustomerConnectionArgsType } from './connection-args';
import { customerConnection } from './customer-connection';

@Resolver(() => Partner)
export class PartnerResolver {
  @Query(() => Partner, { nullable: true })
  partner(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Partner | null> {
    return partnerLoader(ctx).load(id);
  }

  @FieldResolver(() => CustomerConnection, {
    description: "The partner's customers that the viewer may read",
  })
  customers(
    @Root() partner: Partner,
    @Args() args: CustomerConnectionArgsType,
    @Ctx() ctx: RequestContext,
  ): Promise<CustomerConnection> {
    return customerConnection(ctx, args, partner.id);
  }
}
