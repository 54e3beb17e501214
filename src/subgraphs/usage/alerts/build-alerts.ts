import { AlertKind } from '../../../graphql/enums';
import type { LicenseSummaryRow } from '../../../db/queries/license-summaries';
import type { AlertSettings } from '../../../config';
import { addDays, daysBetween } from '../../../days';
import type { LicenseForecast } from '../types/planning/license-forecast.type';
import type { SourceReport, SubscriptionStanding } from '../queries/alert-facts';
import type { RegionUsageRow } from '../queries/region-usage';
import type { LicenseAlert } from '../types/license-alert.type';
import {
  EXPIRATION,
  OVER_LIMIT,
  STALE,
  UNUSED_REGION_SEVERITY,
  exhaustionSeverity,
  expirationSeverity,
  lowAssignmentSeverity,
  overLimitSeverity,
  staleSeverity,
} from './severity-table';

export interface AlertFacts {
  subscriptions: SubscriptionStanding[];
  /** Per live subscription and license type on asOf. */
  summaries: LicenseSummaryRow[];
  sources: SourceReport[];
  regions: RegionUsageRow[];
  /** Per live subscription, its forecasts on asOf (over the default history). */
  forecasts: ReadonlyMap<string, LicenseForecast[]>;
}

const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;

type Subject = Pick<LicenseAlert, 'kind' | 'severity' | 'message' | 'actionDue'> &
  Partial<LicenseAlert> & { customerId: string };

function alert(subject: Subject, asOf: string): LicenseAlert {
  const { customerId, ...rest } = subject;
  return {
    subscription: null,
    source: null,
    region: null,
    licenseType: null,
    consumed: null,
    purchased: null,
    detectedOn: asOf,
    ...rest,
    customer: { id: customerId },
  };
}

/**
 * Every alert of the facts on asOf (the facts of one owner), in the order of the kinds in the
 * contract, each kind in the order its facts came (customer, then subject).
 */
export function buildAlerts(
  facts: AlertFacts,
  asOf: string,
  settings: AlertSettings,
): LicenseAlert[] {
  const lowMark = settings.lowAssignmentMark;
  const alerts: LicenseAlert[] = [];
  const byId = new Map(facts.subscriptions.map((s) => [s.id, s]));
  for (const summary of facts.summaries) {
    const subscription = byId.get(summary.ownerId);
    if (!subscription || summary.consumed <= summary.purchased) continue;
    const severity = overLimitSeverity(summary.consumed, summary.purchased);
    const due = severity === 'CRITICAL' ? OVER_LIMIT.criticalDueDays : OVER_LIMIT.majorDueDays;
    alerts.push(
      alert(
        {
          kind: AlertKind.OVER_LICENSE_LIMIT,
          severity,
          customerId: subscription.customerId,
          subscription: { id: subscription.id },
          licenseType: summary.licenseType,
          consumed: summary.consumed,
          purchased: summary.purchased,
          message: `${subscription.id} uses ${summary.consumed} ${summary.licenseType} licenses of ${summary.purchased} purchased`,
          actionDue: addDays(asOf, due),
        },
        asOf,
      ),
    );
  }
  for (const summary of facts.summaries) {
    const subscription = byId.get(summary.ownerId);
    if (subscription?.status !== 'ACTIVE' || summary.utilization === null) continue;
    if (summary.utilization >= lowMark) continue;
    alerts.push(
      alert(
        {
          kind: AlertKind.LOW_ASSIGNMENT,
          severity: lowAssignmentSeverity(summary.utilization, lowMark),
          customerId: subscription.customerId,
          subscription: { id: subscription.id },
          licenseType: summary.licenseType,
          consumed: summary.consumed,
          purchased: summary.purchased,
          message: `${subscription.id} uses ${percent(summary.utilization)} of its ${summary.purchased} ${summary.licenseType} licenses (below ${percent(lowMark)})`,
          actionDue: subscription.endDate,
        },
        asOf,
      ),
    );
  }
  for (const subscription of facts.subscriptions) {
    if (subscription.status !== 'ACTIVE' || subscription.endDate === null) continue;
    const daysLeft = daysBetween(asOf, subscription.endDate);
    if (daysLeft < 0 || daysLeft > EXPIRATION.warnDays) continue;
    alerts.push(
      alert(
        {
          kind: AlertKind.NEARING_EXPIRATION,
          severity: expirationSeverity(daysLeft),
          customerId: subscription.customerId,
          subscription: { id: subscription.id },
          message: `${subscription.id} ends on ${subscription.endDate}, in ${daysLeft} days`,
          actionDue: subscription.endDate,
        },
        asOf,
      ),
    );
  }
  for (const source of facts.sources) {
    const silent = daysBetween(source.lastDay, asOf);
    if (silent <= STALE.afterDays) continue;
    alerts.push(
      alert(
        {
          kind: AlertKind.STALE_DATA,
          severity: staleSeverity(silent),
          customerId: source.customerId,
          subscription: { id: source.subscriptionId },
          source: {
            id: source.sourceId,
            sourceType: source.sourceType,
            lastReportedAt: source.lastReportedAt,
          },
          region: source.region,
          message: `${source.sourceId} last reported usage for ${source.lastDay}, ${silent} days before ${asOf}`,
          actionDue: addDays(asOf, STALE.dueDays),
        },
        asOf,
      ),
    );
  }
  for (const region of facts.regions) {
    if (region.sources === 0 || region.idleSources < region.sources) continue;
    alerts.push(
      alert(
        {
          kind: AlertKind.UNUSED_REGION,
          severity: UNUSED_REGION_SEVERITY,
          customerId: region.customerId,
          region: region.region,
          licenseType: region.licenseType,
          consumed: 0,
          message: `All ${region.sources} sources in ${region.region} report 0 ${region.licenseType} licenses in use`,
          actionDue: null,
        },
        asOf,
      ),
    );
  }
  alerts.push(...exhaustionAlerts(facts, asOf, settings.exhaustionWarnDays));
  return alerts;
}

/**
 * EXHAUSTION_FORECAST: a live subscription whose forecast reaches purchased within `warnDays` of
 * asOf while it is not over the limit yet (OVER_LICENSE_LIMIT speaks of that). Due on the
 * earliest day of the forecast's band.
 */
function exhaustionAlerts(facts: AlertFacts, asOf: string, warnDays: number): LicenseAlert[] {
  const alerts: LicenseAlert[] = [];
  for (const subscription of facts.subscriptions) {
    for (const forecast of facts.forecasts.get(subscription.id) ?? []) {
      if (forecast.exhaustionDate === null || forecast.consumed > forecast.purchased) continue;
      const daysLeft = daysBetween(asOf, forecast.exhaustionDate);
      if (daysLeft > warnDays) continue;
      alerts.push(
        alert(
          {
            kind: AlertKind.EXHAUSTION_FORECAST,
            severity: exhaustionSeverity(daysLeft),
            customerId: subscription.customerId,
            subscription: { id: subscription.id },
            licenseType: forecast.licenseType,
            consumed: forecast.consumed,
            purchased: forecast.purchased,
            message: `${subscription.id} reaches its ${forecast.purchased} ${forecast.licenseType} licenses around ${forecast.exhaustionDate} (in ${daysLeft} days) at ${forecast.dailyTrend.toFixed(1)} more a day`,
            actionDue: forecast.earliest,
          },
          asOf,
        ),
      );
    }
  }
  return alerts;
}
