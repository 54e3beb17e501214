import type { SubscriptionKind, SubscriptionStatus } from '../../../db/enums';
import type { LicenseSubscription } from '../types/license-subscription.type';

/** The columns of a subscription that this subgraph shows, for `SELECT ${SUBSCRIPTION_COLUMNS}`. */
export const SUBSCRIPTION_COLUMNS =
  's.id, s.customer_id, s.kind, s.status, s.start_date, s.end_date';

export interface SubscriptionRecord {
  id: string;
  customer_id: string;
  kind: SubscriptionKind;
  status: SubscriptionStatus;
  start_date: string;
  end_date: string | null;
}

export function toLicenseSubscription(row: SubscriptionRecord): LicenseSubscription {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    status: row.status,
    startDate: row.start_date,
    endDate: row.end_date,
  };
}
