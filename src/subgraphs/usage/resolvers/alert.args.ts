import { ArgsType, Field } from 'type-graphql';
import { AlertKind, AlertSeverity } from '../../../graphql/enums';
import { badUserInput } from '../../../graphql/errors';
import { DateScalar } from '../../../graphql/scalars';
import { atLeast } from '../alerts/severity-table';
import type { LicenseAlert } from '../types/license-alert.type';

@ArgsType()
export class AlertArgs {
  @Field(() => [AlertKind], { nullable: true, description: 'Leave out for every kind' })
  kinds?: AlertKind[] | null;

  @Field(() => AlertSeverity, { nullable: true, description: 'Only alerts this severe or more' })
  minSeverity?: AlertSeverity | null;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today (UTC)' })
  asOf?: string | null;
}

/** The alerts the arguments ask for, in the order they were computed. */
export function filterAlerts(alerts: LicenseAlert[], args: AlertArgs): LicenseAlert[] {
  if (args.kinds && args.kinds.length === 0) {
    throw badUserInput('kinds must name at least one alert kind, or be left out', {
      argumentName: 'kinds',
    });
  }
  const kinds = args.kinds ? new Set(args.kinds) : null;
  return alerts.filter(
    (alert) =>
      (!kinds || kinds.has(alert.kind)) &&
      (!args.minSeverity || atLeast(alert.severity, args.minSeverity)),
  );
}
