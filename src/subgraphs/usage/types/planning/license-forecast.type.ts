import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LicenseType } from '../../../../graphql/enums';
import { DateScalar } from '../../../../graphql/scalars';

@ObjectType('LicenseForecast', {
  description:
    'When a license type runs out if consumption keeps its recent trend: a Theil–Sen line ' +
    'through the daily totals (of the subscription, or of the customer) over the last ' +
    'historyDays days up to asOf. README, Forecast.',
})
export class LicenseForecast {
  @Field(() => LicenseType)
  licenseType!: LicenseType;

  @Field(() => Int, { description: 'In force on asOf' })
  purchased!: number;

  @Field(() => Int, { description: 'On asOf, as in LicenseSummary' })
  consumed!: number;

  @Field(() => Float, { description: 'Fitted change of consumed licenses per day' })
  dailyTrend!: number;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'First day from asOf on that the trend reaches purchased (asOf when it is there already); ' +
      'null when the trend is flat or falling, the day is more than 3 years (1,095 days) away, ' +
      'nothing is purchased, or the history is shorter than 14 days',
  })
  exhaustionDate!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The band around exhaustionDate, from the fast end of the 95 % interval of the trend ' +
      '(null when exhaustionDate is)',
  })
  earliest!: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'From the slow end of the interval; null also when that end never reaches purchased ' +
      'within 3 years',
  })
  latest!: string | null;

  @Field(() => Int, {
    description: 'Days of history the fit used: from the first day with a total to asOf',
  })
  historyDays!: number;

  @Field(() => DateScalar)
  asOf!: string;
}
