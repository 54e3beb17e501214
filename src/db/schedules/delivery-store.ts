import { randomUUID } from 'node:crypto';
import { Brackets } from 'typeorm';
import type { DataSource } from 'typeorm';
import { ReportDelivery, DeliveryStatus } from './report-delivery.entity';

// The deliveries table as the senders use it. The unique key (schedule_id, period_from) makes the
// row the single place where "who sends this period" is decided: a sender first inserts the row
// or takes over one that is not DELIVERED and not held (claimed_until past), in one conditional
// statement each; whoever does not get it leaves it alone. A sender that holds it writes the
// outcome only while still holding it (claimed_until unchanged), so a sender that overran its
// lease cannot overwrite the one that took over.

export interface Claim {
  delivery: ReportDelivery;
  /** Only the holder of the claim sends. */
  held: boolean;
}

const MYSQL_DUPLICATE = 'ER_DUP_ENTRY';

function isUniqueViolation(error: unknown): boolean {
  const driverError = (error as { driverError?: { code?: string } }).driverError;
  const code = driverError?.code ?? '';
  return code === MYSQL_DUPLICATE || code.startsWith('SQLITE_CONSTRAINT');
}

const repository = (ds: DataSource) => ds.getRepository(ReportDelivery);

function find(ds: DataSource, scheduleId: string, periodFrom: string) {
  return repository(ds).findOneByOrFail({ scheduleId, periodFrom });
}

/** Inserts the period's row, or takes over a row nobody holds that is not delivered yet. */
export async function claimDelivery(
  ds: DataSource,
  period: { scheduleId: string; from: string; to: string },
  now: Date,
  leaseMs: number,
): Promise<Claim> {
  const claimedUntil = new Date(now.getTime() + leaseMs);
  try {
    await repository(ds).insert({
      id: randomUUID(),
      scheduleId: period.scheduleId,
      periodFrom: period.from,
      periodTo: period.to,
      status: DeliveryStatus.PENDING,
      attempts: 1,
      rows: null,
      deliveredAt: null,
      error: null,
      claimedUntil,
      createdAt: now,
    });
    return { delivery: await find(ds, period.scheduleId, period.from), held: true };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const taken = await ds
    .createQueryBuilder()
    .update(ReportDelivery)
    // PENDING while a try is under way; FAILED again if it fails, with its reason.
    .set({ claimedUntil, status: DeliveryStatus.PENDING, attempts: () => 'attempts + 1' })
    .where('schedule_id = :scheduleId AND period_from = :from', period)
    .andWhere('status <> :delivered', { delivered: DeliveryStatus.DELIVERED })
    .andWhere(
      new Brackets((qb) =>
        qb.where('claimed_until IS NULL').orWhere('claimed_until < :now', { now }),
      ),
    )
    .execute();
  const delivery = await find(ds, period.scheduleId, period.from);
  return { delivery, held: taken.affected === 1 };
}

/** The holder writes the outcome; false when it no longer held the row. */
export async function finishDelivery(
  ds: DataSource,
  claim: ReportDelivery,
  outcome:
    | { status: DeliveryStatus.DELIVERED; rows: number; at: Date }
    | { status: DeliveryStatus.FAILED; error: string; rows?: number | null },
): Promise<boolean> {
  const delivered = outcome.status === DeliveryStatus.DELIVERED;
  const result = await ds
    .createQueryBuilder()
    .update(ReportDelivery)
    .set({
      status: outcome.status,
      rows: delivered ? outcome.rows : (outcome.rows ?? null),
      deliveredAt: delivered ? outcome.at : null,
      error: delivered ? null : outcome.error.slice(0, 500),
      claimedUntil: null,
    })
    .where('id = :id AND claimed_until = :held', { id: claim.id, held: claim.claimedUntil })
    .execute();
  return result.affected === 1;
}

export function deliveryOf(ds: DataSource, id: string): Promise<ReportDelivery> {
  return repository(ds).findOneByOrFail({ id });
}
