import { Field, Int, ObjectType } from 'type-graphql';
import { AlertKind, AlertSeverity, LicenseType } from '../../../graphql/enums';
import { DateScalar } from '../../../graphql/scalars';
import { Customer } from './customer.type';
import { LicenseSubscription } from './license-subscription.type';
import { UsageSource } from './usage-source.type';

/** An alert computed on read; its customer, subscription and source are references. */
@ObjectType('LicenseAlert', {
  description:
    'Computed on read; detectedOn is asOf. Severity and actionDue (also in the README, Alerts): ' +
    'OVER_LICENSE_LIMIT (active or trial subscription, consumed > purchased): MAJOR, CRITICAL ' +
    'above 110 % or with nothing purchased; actionDue detectedOn + 30 days (CRITICAL + 7). ' +
    'LOW_ASSIGNMENT (active subscription, utilization below the low-water mark, default 0.5, ' +
    'ALERT_LOW_ASSIGNMENT_MARK): INFO, MINOR below half the mark; actionDue the subscription end. ' +
    'NEARING_EXPIRATION (active subscription ending within 90 days): MINOR, MAJOR within 30 ' +
    'days; actionDue the end date. STALE_DATA (source of an active or trial subscription whose ' +
    'last report is more than 3 days before asOf): MINOR, MAJOR after more than 14 days; ' +
    'actionDue detectedOn + 2 days. UNUSED_REGION (every source of a region reports 0 of a ' +
    'license type): MINOR; no actionDue.',
})
export class LicenseAlert {
  @Field(() => AlertKind)
  kind!: AlertKind;

  @Field(() => AlertSeverity)
  severity!: AlertSeverity;

  @Field(() => Customer)
  customer!: Customer;

  @Field(() => LicenseSubscription, {
    nullable: true,
    description: 'The subscription the alert is about, when it is about one',
  })
  subscription!: LicenseSubscription | null;

  @Field(() => UsageSource, { nullable: true })
  source!: UsageSource | null;

  @Field(() => String, { nullable: true })
  region!: string | null;

  @Field(() => LicenseType, { nullable: true })
  licenseType!: LicenseType | null;

  @Field(() => Int, { nullable: true })
  consumed!: number | null;

  @Field(() => Int, { nullable: true })
  purchased!: number | null;

  @Field()
  message!: string;

  @Field(() => DateScalar)
  detectedOn!: string;

  @Field(() => DateScalar, { nullable: true })
  actionDue!: string | null;
}
