import { AlertSeverity } from '../../../graphql/enums';

// The documented severity table (README, Alerts; the LicenseAlert description): every threshold
// of every kind is here, so that the rules and the docs cannot drift apart.

export const SEVERITY_ORDER: readonly AlertSeverity[] = [
  AlertSeverity.INFO,
  AlertSeverity.MINOR,
  AlertSeverity.MAJOR,
  AlertSeverity.CRITICAL,
];

export const atLeast = (severity: AlertSeverity, min: AlertSeverity): boolean =>
  SEVERITY_ORDER.indexOf(severity) >= SEVERITY_ORDER.indexOf(min);

/** Consumed above purchased: MAJOR; above 110 % of it (or nothing purchased): CRITICAL. */
export const OVER_LIMIT = { criticalAbove: 1.1, majorDueDays: 30, criticalDueDays: 7 };

export function overLimitSeverity(consumed: number, purchased: number): AlertSeverity {
  return purchased === 0 || consumed > purchased * OVER_LIMIT.criticalAbove
    ? AlertSeverity.CRITICAL
    : AlertSeverity.MAJOR;
}

/** Utilization below the mark: INFO; below half of it: MINOR. */
export function lowAssignmentSeverity(utilization: number, mark: number): AlertSeverity {
  return utilization < mark / 2 ? AlertSeverity.MINOR : AlertSeverity.INFO;
}

/** Ending within 90 days: MINOR; within 30: MAJOR. */
export const EXPIRATION = { warnDays: 90, majorDays: 30 };

export function expirationSeverity(daysLeft: number): AlertSeverity {
  return daysLeft <= EXPIRATION.majorDays ? AlertSeverity.MAJOR : AlertSeverity.MINOR;
}

/** Silent more than 3 days: MINOR; more than 14: MAJOR. Looked into within 2 days. */
export const STALE = { afterDays: 3, majorAfterDays: 14, dueDays: 2 };

export function staleSeverity(silentDays: number): AlertSeverity {
  return silentDays > STALE.majorAfterDays ? AlertSeverity.MAJOR : AlertSeverity.MINOR;
}

/** An idle region costs licenses but breaks nothing. */
export const UNUSED_REGION_SEVERITY = AlertSeverity.MINOR;

/**
 * The forecast reaches purchased within ALERT_EXHAUSTION_DAYS (default 60): MINOR; within 30
 * days: MAJOR; within 7: CRITICAL.
 */
export const EXHAUSTION = { majorDays: 30, criticalDays: 7 };

export function exhaustionSeverity(daysLeft: number): AlertSeverity {
  if (daysLeft <= EXHAUSTION.criticalDays) return AlertSeverity.CRITICAL;
  return daysLeft <= EXHAUSTION.majorDays ? AlertSeverity.MAJOR : AlertSeverity.MINOR;
}
