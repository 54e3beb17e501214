import { ArgsType, Field, Int } from 'type-graphql';
import { DEFAULT_PAGE_SIZE } from '../../../graphql/connection';
import { CustomerFilter, CustomerOrder } from '../types/customer-connection.type';

@ArgsType()
export class CustomerConnectionArgsType {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: '1 to 500' })
  first?: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field(() => CustomerFilter, { nullable: true })
  filter?: CustomerFilter;

  @Field(() => CustomerOrder, { nullable: true })
  orderBy?: CustomerOrder;
}
