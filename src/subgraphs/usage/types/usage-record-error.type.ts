import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('UsageRecordError', {
  description: 'Why one record of an ingestUsage batch was rejected',
})
export class UsageRecordError {
  @Field(() => Int, { description: 'Position in the input list' })
  index!: number;

  @Field(() => String, {
    description:
      'UNKNOWN_SOURCE (no such cluster or tenant, or one the viewer may not know of), ' +
      'FORBIDDEN_SOURCE (a source the viewer may read but not report for), INVALID_DATE ' +
      '(after tomorrow, UTC, or before year 1000), NEGATIVE_COUNT, COUNT_TOO_LARGE, ' +
      'DUPLICATE_IN_BATCH (the same source, license type and day earlier in the batch with ' +
      'another count), LICENSE_TYPE_NOT_ON_SOURCE (the subscription has no entitlement of it)',
  })
  code!: string;

  @Field(() => String, { description: 'What is wrong, naming the field' })
  message!: string;
}
