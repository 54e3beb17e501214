import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Granularity, ReportCadence } from '../../../../graphql/enums';
import { DateTimeScalar } from '../../../../graphql/scalars';

/**
 * A user as this subgraph names it: the organizations subgraph resolves the rest. Not resolvable
 * here; `_entities` still answers only for users the viewer may see (usage/index.ts).
 */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class UserRef {
  @Field(() => ID)
  id!: string;
}

/** What the resolvers hand around: the stored row's columns the fields are made from. */
@ObjectType('ReportSchedule', {
  description:
    'A usage report e-mailed as CSV after each period (the day, the Monday-to-Sunday week or ' +
    'the calendar month just ended, UTC) to recipients who may read its scope, checked again at ' +
    'every delivery. Stops when its owner may no longer administer the scope.',
})
export class ReportScheduleType {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  ownerId!: string;
  partnerId!: string;
  customerId!: string | null;
  filterJson!: string;
  groupByList!: string;

  @Field(() => Granularity)
  granularity!: Granularity;

  @Field(() => ReportCadence)
  cadence!: ReportCadence;

  @Field(() => DateTimeScalar, { description: 'When the period under way ends and is mailed' })
  nextRunAt!: Date;
}
