import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../../graphql/context';
import { customerSummaryLoader, toLicenseSummary } from '../../../graphql/license-summary-loaders';
import { LicenseSummary } from '../../../graphql/license-summary.type';
import { Customer } from '../types/customer.type';
import { AsOfArgs, asOfDay } from '../../../graphql/as-of.args';

@Resolver(() => Customer)
export class CustomerResolver {
  @FieldResolver(() => [LicenseSummary], {
    description:
      'All subscriptions of the customer together on asOf (default today, UTC), one entry per license type',
  })
  async licenseSummary(
    @Root() customer: Customer,
    @Args() args: AsOfArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<LicenseSummary[]> {
    const asOf = asOfDay(args, ctx);
    const rows = await customerSummaryLoader(ctx, { asOf }).load(customer.id);
    return rows.map((row) => toLicenseSummary(row, asOf));
  }
}
