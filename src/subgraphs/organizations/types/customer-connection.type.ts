import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { CustomerOrderField, OrderDirection, SubscriptionKind } from '../../../graphql/enums';
import { PageInfo } from '../../../graphql/page-info.type';
import { Customer } from './customer.type';

@ObjectType('CustomerEdge')
export class CustomerEdge {
  @Field()
  cursor!: string;

  @Field(() => Customer)
  node!: Customer;
}

@ObjectType('CustomerConnection')
export class CustomerConnection {
  @Field(() => Int)
  totalCount!: number;

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => [CustomerEdge])
  edges!: CustomerEdge[];

  @Field(() => [Customer])
  nodes!: Customer[];
}

@InputType('CustomerFilter')
export class CustomerFilter {
  @Field({ nullable: true })
  nameContains?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Customers with at least one cluster or tenant in these regions',
  })
  regions?: string[];

  @Field(() => [SubscriptionKind], { nullable: true })
  subscriptionKinds?: SubscriptionKind[];
}

@InputType('CustomerOrder')
export class CustomerOrder {
  @Field(() => CustomerOrderField)
  field!: CustomerOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC })
  direction!: OrderDirection;
}
