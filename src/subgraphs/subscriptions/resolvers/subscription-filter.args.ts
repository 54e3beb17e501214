import { ArgsType, Field } from 'type-graphql';
import { SubscriptionKind, SubscriptionStatus } from '../../../graphql/enums';
import { badUserInput } from '../../../graphql/errors';
import type { SubscriptionFilter } from '../loaders/subscriptions';

const MAX_FILTER_VALUES = 100;

/** Arguments of `Customer.subscriptions`; absent means "any". */
@ArgsType()
export class SubscriptionFilterArgs {
  @Field(() => [SubscriptionKind], { nullable: true })
  kinds?: SubscriptionKind[] | null;

  @Field(() => [SubscriptionStatus], { nullable: true })
  statuses?: SubscriptionStatus[] | null;
}

/** The filter, or BAD_USER_INPUT naming the argument when a list is empty or too long. */
export function subscriptionFilter(args: SubscriptionFilterArgs): SubscriptionFilter {
  const filter: SubscriptionFilter = {};
  for (const name of ['kinds', 'statuses'] as const) {
    const values = args[name];
    if (values === null || values === undefined) continue;
    if (values.length === 0 || values.length > MAX_FILTER_VALUES) {
      throw badUserInput(
        `${name} must list 1 to ${MAX_FILTER_VALUES} values, got ${values.length}`,
        {
          argumentName: name,
        },
      );
    }
  }
  if (args.kinds) filter.kinds = args.kinds;
  if (args.statuses) filter.statuses = args.statuses;
  return filter;
}
