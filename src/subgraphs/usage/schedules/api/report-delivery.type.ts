import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DeliveryStatus } from '../../../../graphql/enums';
import { DateScalar, DateTimeScalar } from '../../../../graphql/scalars';

@ObjectType('ReportDelivery', {
  description:
    'One period of a schedule, mailed at most once. FAILED after a try that did not reach the ' +
    'SMTP server (tried again with a growing wait, REPORT_DELIVERY_ATTEMPTS times) or that could ' +
    'not be sent at all (error says why).',
})
export class ReportDeliveryType {
  @Field(() => ID)
  id!: string;

  @Field(() => DateScalar)
  periodFrom!: string;

  @Field(() => DateScalar)
  periodTo!: string;

  @Field(() => DeliveryStatus)
  status!: DeliveryStatus;

  @Field(() => Int)
  attempts!: number;

  @Field(() => Int, { nullable: true })
  rows!: number | null;

  @Field(() => DateTimeScalar, { nullable: true })
  deliveredAt!: Date | null;

  @Field(() => String, { nullable: true })
  error!: string | null;
}
