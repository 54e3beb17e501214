import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Subscription } from './subscription.type';

/**
 * The usage subgraph computes alerts; it may not declare the `Subscription` type (Federation
 * would take it for the subscription root type), so this subgraph resolves
 * `LicenseAlert.subscription` from the subscription id the usage subgraph hands over.
 */
@Directive('@key(fields: "id")')
@ObjectType('LicenseAlert')
export class LicenseAlert {
  @Directive('@inaccessible')
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => ID, { nullable: true })
  subscriptionId!: string | null;

  @Directive('@requires(fields: "subscriptionId")')
  @Field(() => Subscription, {
    nullable: true,
    description: 'The subscription the alert is about, when it is about one',
  })
  subscription?: Subscription | null;
}
