import type { Pool, RowDataPacket } from 'mysql2/promise';
import { LICENSE_TYPES } from '../../src/db/enums';
import { encodeCursor } from '../../src/graphql/connection';

// The raw-SQL floor of the read-path benchmarks (issue 14): the fewest plain mysql2 statements
// that give the same JSON as the gateway, for the three operations the benchmarks send. What the
// graph does in SQL (scope in every WHERE, the latest snapshot of each source and license type by
// one index seek) is done here too, by hand; what it does in GraphQL (shaping, summing a handful of
// rows per subscription) is plain JavaScript. The viewer's roles are read like every request of
// the graph reads them (revocation takes effect at once), and grant what the bench's partner full
// admin needs: its partners, or single customers (no other role is modelled here).

export interface FloorAnswer {
  data: unknown;
  statements: number;
}

type Rows = RowDataPacket[];
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const TYPE_ORDER = new Map(LICENSE_TYPES.map((type, i) => [type, i]));
const byType = (a: { licenseType: string }, b: { licenseType: string }) =>
  TYPE_ORDER.get(a.licenseType as never)! - TYPE_ORDER.get(b.licenseType as never)!;

class Counted {
  statements = 0;
  constructor(private readonly pool: Pool) {}
  async rows(sql: string, params: unknown[]): Promise<Rows> {
    this.statements++;
    const [rows] = await this.pool.query<Rows>(sql, params);
    return rows;
  }
}

interface Grant {
  sql: (customer: string, partner: string) => string;
  params: string[];
}

/** Statement 1 of every floor: the user and its roles, as a condition on customer / partner. */
async function grantOf(db: Counted, userId: string): Promise<Grant> {
  const rows = await db.rows(
    `SELECT ra.partner_id, ra.customer_id FROM users u
     LEFT JOIN role_assignments ra ON ra.user_id = u.id WHERE u.id = ?`,
    [userId],
  );
  const partners = rows.filter((r) => r.partner_id && !r.customer_id).map((r) => r.partner_id);
  const customers = rows.filter((r) => r.customer_id).map((r) => r.customer_id as string);
  const parts = (customer: string, partner: string) => [
    ...(customers.length ? [`${customer} IN (${marks(customers.length)})`] : []),
    ...(partners.length ? [`${partner} IN (${marks(partners.length)})`] : []),
  ];
  return {
    sql: (customer, partner) => {
      const p = parts(customer, partner);
      return p.length ? `(${p.join(' OR ')})` : '1 = 0';
    },
    params: [...customers, ...partners],
  };
}

const LATEST = (sources: number) => `
  SELECT lu.source_id, lu.license_type, lu.day, lu.consumed
  FROM (SELECT s.id AS source_id, t.license_type,
               (SELECT x.day FROM license_usage x
                WHERE x.source_id = s.id AND x.license_type = t.license_type AND x.day <= ?
                ORDER BY x.day DESC LIMIT 1) AS day
        FROM usage_sources s
        CROSS JOIN (${LICENSE_TYPES.map((t) => `SELECT '${t}' AS license_type`).join(' UNION ALL ')}) t
        WHERE s.id IN (${marks(sources)})) latest
  JOIN license_usage lu ON lu.source_id = latest.source_id
   AND lu.license_type = latest.license_type AND lu.day = latest.day`;

interface Snapshot {
  licenseType: string;
  consumed: number;
  reportedOn: string;
}

/** Latest snapshot per source and license type on or before asOf, by source. */
async function latestSnapshots(db: Counted, sourceIds: string[], asOf: string) {
  const bySource = new Map<string, Snapshot[]>();
  if (sourceIds.length === 0) return bySource;
  for (const r of await db.rows(LATEST(sourceIds.length), [asOf, ...sourceIds])) {
    const list = bySource.get(r.source_id) ?? [];
    list.push({ licenseType: r.license_type, consumed: Number(r.consumed), reportedOn: r.day });
    bySource.set(r.source_id, list);
  }
  for (const list of bySource.values()) list.sort(byType);
  return bySource;
}

interface SummaryLine {
  licenseType: string;
  purchased: number;
  consumed: number;
  oldestReportOn: string | null;
}

/** Purchased (in force on asOf) and consumed (latest snapshots) per license type, summed. */
function summarize(
  purchased: Array<{ licenseType: string; quantity: number }>,
  snapshots: Snapshot[],
): SummaryLine[] {
  const lines = new Map<string, SummaryLine>();
  const line = (type: string) => {
    let l = lines.get(type);
    if (!l)
      lines.set(type, (l = { licenseType: type, purchased: 0, consumed: 0, oldestReportOn: null }));
    return l;
  };
  for (const p of purchased) line(p.licenseType).purchased += p.quantity;
  for (const s of snapshots) {
    const l = line(s.licenseType);
    l.consumed += s.consumed;
    if (l.oldestReportOn === null || s.reportedOn < l.oldestReportOn)
      l.oldestReportOn = s.reportedOn;
  }
  return [...lines.values()].sort(byType);
}

const utilization = (l: SummaryLine) => (l.purchased > 0 ? l.consumed / l.purchased : null);

/** Entitlement lines in force on asOf, of subscriptions, by subscription (one statement). */
async function entitlementsInForce(db: Counted, subscriptionIds: string[], asOf: string) {
  const bySubscription = new Map<string, Array<{ licenseType: string; quantity: number }>>();
  if (subscriptionIds.length === 0) return bySubscription;
  const rows = await db.rows(
    `SELECT subscription_id, license_type, quantity FROM entitlements
     WHERE subscription_id IN (${marks(subscriptionIds.length)})
       AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)`,
    [...subscriptionIds, asOf, asOf],
  );
  for (const r of rows) {
    const list = bySubscription.get(r.subscription_id) ?? [];
    list.push({ licenseType: r.license_type, quantity: Number(r.quantity) });
    bySubscription.set(r.subscription_id, list);
  }
  return bySubscription;
}

interface TreeSource {
  id: string;
  name: string;
  region: string;
  type: string;
}
interface TreeSubscription {
  row: RowDataPacket;
  sources: TreeSource[];
}

/** Statements 2–3: partner, a page of its customers with the total, their subscriptions and sources. */
async function customerTree(db: Counted, grant: Grant, partnerId: string, first: number) {
  const page = await db.rows(
    `SELECT p.id AS partner_id, p.name AS partner_name, c.id, c.name, c.total
     FROM partners p
     LEFT JOIN (SELECT c.id, c.name, c.partner_id, COUNT(*) OVER () AS total FROM customers c
                WHERE c.partner_id = ? AND ${grant.sql('c.id', 'c.partner_id')}
                ORDER BY c.name, c.id LIMIT ?) c ON c.partner_id = p.id
     WHERE p.id = ? ORDER BY c.name, c.id`,
    [partnerId, ...grant.params, first + 1, partnerId],
  );
  const customers = page.filter((r) => r.id !== null);
  const shown = customers.slice(0, first);
  const subscriptions = new Map<string, TreeSubscription[]>();
  if (shown.length > 0) {
    const rows = await db.rows(
      `SELECT s.id, s.customer_id, s.kind, s.status, s.start_date, s.end_date,
              us.id AS source_id, us.name, us.region, us.source_type
       FROM subscriptions s
       LEFT JOIN usage_sources us ON us.subscription_id = s.id
        AND ${grant.sql('us.customer_id', 'us.partner_id')}
       WHERE s.customer_id IN (${marks(shown.length)}) AND ${grant.sql('s.customer_id', 's.partner_id')}
       ORDER BY s.id, us.name, us.id`,
      [...grant.params, ...shown.map((c) => c.id), ...grant.params],
    );
    let current: TreeSubscription | undefined;
    for (const r of rows) {
      if (current?.row.id !== r.id) {
        current = { row: r, sources: [] };
        const list = subscriptions.get(r.customer_id) ?? [];
        list.push(current);
        subscriptions.set(r.customer_id, list);
      }
      if (r.source_id !== null) {
        current!.sources.push({
          id: r.source_id,
          name: r.name,
          region: r.region,
          type: r.source_type,
        });
      }
    }
  }
  return { partner: page[0], customers, shown, subscriptions };
}

/** PartnerCustomerSubtree (first, asOf), in 5 statements. */
export async function subtreeFloor(
  pool: Pool,
  userId: string,
  vars: { partnerId: string; first: number; asOf: string },
): Promise<FloorAnswer> {
  const db = new Counted(pool);
  const grant = await grantOf(db, userId);
  const tree = await customerTree(db, grant, vars.partnerId, vars.first);
  if (!tree.partner) return { data: { partner: null }, statements: db.statements };
  const subs = [...tree.subscriptions.values()].flat();
  const [snapshots, purchased] = await Promise.all([
    latestSnapshots(
      db,
      subs.flatMap((s) => s.sources.map((x) => x.id)),
      vars.asOf,
    ),
    entitlementsInForce(
      db,
      subs.map((s) => s.row.id),
      vars.asOf,
    ),
  ]);
  const source = (x: TreeSource) => ({
    id: x.id,
    name: x.name,
    region: x.region,
    currentUsage: snapshots.get(x.id) ?? [],
  });
  const nodes = tree.shown.map((c) => ({
    id: c.id,
    name: c.name,
    subscriptions: (tree.subscriptions.get(c.id) ?? []).map(({ row, sources }) => ({
      id: row.id,
      kind: row.kind,
      status: row.status,
      endDate: row.end_date,
      licenseSummary: summarize(
        purchased.get(row.id) ?? [],
        sources.flatMap((x) => snapshots.get(x.id) ?? []),
      ).map((l) => ({
        licenseType: l.licenseType,
        purchased: l.purchased,
        consumed: l.consumed,
        available: l.purchased - l.consumed,
        utilization: utilization(l),
        asOf: vars.asOf,
      })),
      clusters: sources.filter((x) => x.type === 'CLUSTER').map(source),
      tenants: sources.filter((x) => x.type === 'TENANT').map(source),
    })),
  }));
  const last = tree.shown[tree.shown.length - 1];
  const data = {
    partner: {
      id: tree.partner.partner_id,
      name: tree.partner.partner_name,
      customers: {
        totalCount: tree.customers.length ? Number(tree.customers[0].total) : 0,
        pageInfo: {
          hasNextPage: tree.customers.length > vars.first,
          endCursor: last ? encodeCursor('NAME:ASC', [last.name, last.id]) : null,
        },
        nodes,
      },
    },
  };
  return { data, statements: db.statements };
}

/** A page of customers → subscriptions → clusters and tenants → usage by bucket, in 4 statements. */
export async function seriesFloor(
  pool: Pool,
  userId: string,
  vars: { partnerId: string; first: number; from: string; to: string },
): Promise<FloorAnswer> {
  const db = new Counted(pool);
  const grant = await grantOf(db, userId);
  const tree = await customerTree(db, grant, vars.partnerId, vars.first);
  if (!tree.partner) return { data: { partner: null }, statements: db.statements };
  const sourceIds = [...tree.subscriptions.values()]
    .flat()
    .flatMap((s) => s.sources.map((x) => x.id));
  const points = new Map<string, unknown[]>();
  if (sourceIds.length > 0) {
    const week = 'DATE_SUB(day, INTERVAL WEEKDAY(day) DAY)';
    const rows = await db.rows(
      `SET STATEMENT tmp_memory_table_size = 268435456, max_heap_table_size = 268435456 FOR
       SELECT b.source_id, b.period, b.license_type, lu.consumed, b.peak, b.total, b.reported_days
       FROM (SELECT source_id, license_type, ${week} AS period, MAX(consumed) AS peak,
                    SUM(consumed) AS total, COUNT(*) AS reported_days, MAX(day) AS last_day
             FROM license_usage
             WHERE source_id IN (${marks(sourceIds.length)}) AND ${grant.sql('customer_id', 'partner_id')}
               AND license_type IN (${marks(LICENSE_TYPES.length)}) AND day >= ? AND day <= ?
             GROUP BY source_id, license_type, period) b
       JOIN license_usage lu ON lu.source_id = b.source_id AND lu.license_type = b.license_type
        AND lu.day = b.last_day
       ORDER BY b.source_id, b.period, b.license_type`,
      [...sourceIds, ...grant.params, ...LICENSE_TYPES, vars.from, vars.to],
    );
    for (const r of rows) {
      const list = points.get(r.source_id) ?? [];
      list.push({
        period: r.period,
        licenseType: r.license_type,
        consumed: Number(r.consumed),
        peak: Number(r.peak),
        average: Number(r.total) / Number(r.reported_days),
        reportedDays: Number(r.reported_days),
      });
      points.set(r.source_id, list);
    }
  }
  const source = (x: TreeSource) => ({ id: x.id, usage: points.get(x.id) ?? [] });
  const nodes = tree.shown.map((c) => ({
    id: c.id,
    subscriptions: (tree.subscriptions.get(c.id) ?? []).map(({ row, sources }) => ({
      id: row.id,
      clusters: sources.filter((x) => x.type === 'CLUSTER').map(source),
      tenants: sources.filter((x) => x.type === 'TENANT').map(source),
    })),
  }));
  return { data: { partner: { customers: { nodes } } }, statements: db.statements };
}

/** SubscriptionOverview (customerId, asOf), in 4 statements. */
export async function overviewFloor(
  pool: Pool,
  userId: string,
  vars: { customerId: string; asOf: string },
): Promise<FloorAnswer> {
  const db = new Counted(pool);
  const grant = await grantOf(db, userId);
  const rows = await db.rows(
    `SELECT c.id AS customer_id, c.name AS customer_name, s.id, s.kind, s.status, s.start_date,
            s.end_date
     FROM customers c LEFT JOIN subscriptions s ON s.customer_id = c.id
     WHERE c.id = ? AND ${grant.sql('c.id', 'c.partner_id')} ORDER BY s.id`,
    [vars.customerId, ...grant.params],
  );
  if (rows.length === 0) return { data: { customer: null }, statements: db.statements };
  const [lines, sources] = await Promise.all([
    db.rows(
      `SELECT subscription_id, license_type, quantity, start_date, end_date FROM entitlements
       WHERE customer_id = ? ORDER BY license_type, start_date, id`,
      [vars.customerId],
    ),
    db.rows(
      `SELECT latest.subscription_id, lu.license_type, lu.day, lu.consumed
       FROM (SELECT s.id, s.subscription_id, t.license_type,
                    (SELECT x.day FROM license_usage x
                     WHERE x.source_id = s.id AND x.license_type = t.license_type AND x.day <= ?
                     ORDER BY x.day DESC LIMIT 1) AS day
             FROM usage_sources s
             CROSS JOIN (${LICENSE_TYPES.map((t) => `SELECT '${t}' AS license_type`).join(' UNION ALL ')}) t
             WHERE s.customer_id = ?) latest
       JOIN license_usage lu ON lu.source_id = latest.id
        AND lu.license_type = latest.license_type AND lu.day = latest.day`,
      [vars.asOf, vars.customerId],
    ),
  ]);
  const inForce = (l: RowDataPacket) =>
    l.start_date <= vars.asOf && (l.end_date === null || l.end_date >= vars.asOf);
  const purchasedOf = (subscriptionId?: string) =>
    lines
      .filter(
        (l) => inForce(l) && (subscriptionId === undefined || l.subscription_id === subscriptionId),
      )
      .map((l) => ({ licenseType: l.license_type, quantity: Number(l.quantity) }));
  const snapshotsOf = (subscriptionId?: string) =>
    sources
      .filter((s) => subscriptionId === undefined || s.subscription_id === subscriptionId)
      .map((s) => ({
        licenseType: s.license_type,
        consumed: Number(s.consumed),
        reportedOn: s.day,
      }));
  const base = (l: SummaryLine) => ({
    licenseType: l.licenseType,
    purchased: l.purchased,
    consumed: l.consumed,
    available: l.purchased - l.consumed,
    utilization: utilization(l),
  });
  const data = {
    customer: {
      id: rows[0].customer_id,
      name: rows[0].customer_name,
      licenseSummary: summarize(purchasedOf(), snapshotsOf()).map((l) => ({
        ...base(l),
        asOf: vars.asOf,
        oldestReportOn: l.oldestReportOn,
      })),
      subscriptions: rows
        .filter((r) => r.id !== null)
        .map((r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          startDate: r.start_date,
          endDate: r.end_date,
          entitlements: lines
            .filter((l) => l.subscription_id === r.id)
            .map((l) => ({
              licenseType: l.license_type,
              quantity: Number(l.quantity),
              startDate: l.start_date,
              endDate: l.end_date,
            })),
          licenseSummary: summarize(purchasedOf(r.id), snapshotsOf(r.id)).map(base),
        })),
    },
  };
  return { data, statements: db.statements };
}
