import { Field, Int, ObjectType } from 'type-graphql';
import { UsageRecordError } from './usage-record-error.type';

@ObjectType('IngestUsagePayload', {
  description:
    'What an ingestUsage batch did: every record is either accepted (and counted once as ' +
    'inserted, updated or unchanged) or rejected',
})
export class IngestUsagePayload {
  @Field(() => Int, { description: 'inserted + updated + unchanged' })
  accepted!: number;

  @Field(() => Int)
  inserted!: number;

  @Field(() => Int, { description: 'Stored before with another count' })
  updated!: number;

  @Field(() => Int, { description: 'Stored before with this count, or repeated within the batch' })
  unchanged!: number;

  @Field(() => [UsageRecordError], { description: 'One entry per rejected record, by index' })
  rejected!: UsageRecordError[];
}
