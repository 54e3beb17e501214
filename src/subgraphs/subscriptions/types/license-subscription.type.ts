import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { SubscriptionKind, SubscriptionStatus } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';

@Directive('@key(fields: "id")')
@ObjectType('LicenseSubscription', {
  description:
    "A customer's commercial subscription (GraphQL reserves the name Subscription for the " +
    'subscription root type, which this API does not have)',
})
export class LicenseSubscription {
  @Field(() => ID, { description: 'The subscription ID shown in the portals, e.g. "Sub-104233"' })
  id!: string;

  @Field(() => SubscriptionKind)
  kind!: SubscriptionKind;

  @Field(() => SubscriptionStatus)
  status!: SubscriptionStatus;

  @Field(() => DateScalar)
  startDate!: string;

  @Field(() => DateScalar, { nullable: true })
  endDate!: string | null;

  /** Resolved as a Customer reference, which the organizations subgraph completes. */
  customerId!: string;
}
