import { Field, ID, InputType, Int } from 'type-graphql';
import { LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';
import { MAX_COUNT } from '../../../ingest/validate/fields';

@InputType('UsageRecordInput', {
  description: 'How many licenses of one type one cluster or tenant consumed on one day',
})
export class UsageRecordInput {
  @Field(() => ID, { description: 'A cluster or tenant id' })
  sourceId!: string;

  @Field(() => LicenseType)
  licenseType!: LicenseType;

  @Field(() => DateScalar, {
    description: 'The day (UTC) the count is for; at the latest tomorrow (INVALID_DATE otherwise)',
  })
  date!: string;

  @Field(() => Int, {
    description: `From 0 (NEGATIVE_COUNT otherwise) to ${MAX_COUNT} (COUNT_TOO_LARGE otherwise)`,
  })
  consumed!: number;
}
