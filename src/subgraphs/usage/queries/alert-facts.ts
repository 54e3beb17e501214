import type { DataSource } from 'typeorm';
import { dateTimeValue } from '../../../db/date-time-value';
import type { SourceType, SubscriptionStatus } from '../../../db/enums';
import { latestSnapshotsSql } from '../../../db/queries/latest-snapshots';
import { scopeCondition } from '../../../db/sql/scope-condition';
import { inList } from '../../../db/sql/placeholders';
import type { Grant } from '../../../db/sql/scope-condition';

// The facts alerts are computed from, read for many owners (customers or partners) at once: one
// statement each, whatever the number of owners, subscriptions or sources.

export interface AlertFactsQuery {
  level: 'customer' | 'partner';
  ownerIds: readonly string[];
  grant: Grant;
  asOf: string;
}

export interface SubscriptionStanding {
  ownerId: string;
  id: string;
  customerId: string;
  status: SubscriptionStatus;
  endDate: string | null;
}

const ownerColumn = (query: AlertFactsQuery) =>
  query.level === 'customer' ? 'customer_id' : 'partner_id';

/** The owners' subscriptions that are active or on trial (the only ones alerts speak of). */
export async function liveSubscriptions(
  ds: DataSource,
  query: AlertFactsQuery,
): Promise<SubscriptionStanding[]> {
  const owner = ownerColumn(query);
  const scope = scopeCondition(query.grant, { customerId: 'customer_id', partnerId: 'partner_id' });
  const rows: Array<{
    owner_id: string;
    id: string;
    customer_id: string;
    status: SubscriptionStatus;
    end_date: string | null;
  }> = await ds.query(
    `SELECT ${owner} AS owner_id, id, customer_id, status, end_date FROM subscriptions
     WHERE ${owner} IN ${inList(query.ownerIds)} AND ${scope.sql}
       AND status IN ('ACTIVE', 'TRIAL')
     ORDER BY customer_id, id`,
    [...query.ownerIds, ...scope.params],
  );
  return rows.map((row) => ({
    ownerId: row.owner_id,
    id: row.id,
    customerId: row.customer_id,
    status: row.status,
    endDate: row.end_date,
  }));
}

export interface SourceReport {
  ownerId: string;
  sourceId: string;
  sourceType: SourceType;
  customerId: string;
  subscriptionId: string;
  region: string;
  /** The latest day any license type of the source was reported on or before asOf. */
  lastDay: string;
  lastReportedAt: Date | null;
}

/**
 * Per source of a live subscription, its latest reported day on or before asOf: the maximum of
 * its latest snapshots per license type (one index seek each, never a scan of its history).
 * Sources that never reported are left out.
 */
export async function sourceLastReports(
  ds: DataSource,
  query: AlertFactsQuery,
): Promise<SourceReport[]> {
  const owner = ownerColumn(query);
  const scope = scopeCondition(query.grant, { customerId: 'customer_id', partnerId: 'partner_id' });
  const latest = latestSnapshotsSql(
    {
      sql: `${owner} IN ${inList(query.ownerIds)} AND ${scope.sql}`,
      params: [...query.ownerIds, ...scope.params],
    },
    query.asOf,
  );
  const rows: Array<{
    owner_id: string;
    source_id: string;
    source_type: SourceType;
    customer_id: string;
    subscription_id: string;
    region: string;
    last_day: string;
    last_reported_at: Date | string | null;
  }> = await ds.query(
    `SELECT snapshot.${owner} AS owner_id, snapshot.source_id, snapshot.source_type,
            snapshot.customer_id, snapshot.subscription_id, snapshot.region,
            MAX(snapshot.day) AS last_day, MAX(us.last_reported_at) AS last_reported_at
     FROM (${latest.sql}) snapshot
     JOIN subscriptions sb ON sb.id = snapshot.subscription_id AND sb.status IN ('ACTIVE', 'TRIAL')
     JOIN usage_sources us ON us.id = snapshot.source_id
     GROUP BY snapshot.${owner}, snapshot.source_id, snapshot.source_type, snapshot.customer_id,
              snapshot.subscription_id, snapshot.region
     ORDER BY snapshot.customer_id, snapshot.source_id`,
    latest.params,
  );
  return rows.map((row) => ({
    ownerId: row.owner_id,
    sourceId: row.source_id,
    sourceType: row.source_type,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    region: row.region,
    lastDay: row.last_day,
    lastReportedAt: dateTimeValue(row.last_reported_at),
  }));
}
