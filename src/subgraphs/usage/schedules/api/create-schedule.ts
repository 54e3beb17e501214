import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { visibleUserCondition } from '../../../../auth/admin-visible-assignment';
import type { Viewer } from '../../../../auth/load-viewer';
import { scopeReaders } from '../../../../auth/scope-readers';
import type { ReportScope } from '../../../../auth/scope-readers';
import { todayUtc } from '../../../../days';
import { inList } from '../../../../db/sql/placeholders';
import { inTransaction } from '../../../../db/sql/transaction';
import { ReportRecipient } from '../../../../db/schedules/report-recipient.entity';
import { ReportSchedule } from '../../../../db/schedules/report-schedule.entity';
import { badUserInput, forbidden } from '../../../../graphql/errors';
import { reportQuery } from '../../resolvers/usage-report.args';
import { nextRunAfter } from '../../../../db/schedules/periods';
import type { CreateReportScheduleInput } from './create-report-schedule.input';

// createReportSchedule: who may (a full admin of the scope: Scope 'scheduleReports'), then what
// (the filter checked as usageReport checks it, recipients who may read the scope), then one
// transaction. A refused request writes nothing.

export const MAX_RECIPIENTS = 50;
const MAX_NAME = 200;

export const NOT_ADMIN = 'Only a full admin of the scope may schedule, delete or run its reports';

/** The scope as stored: a customer's partner is read from the database, never from the input. */
export async function scheduleScope(
  ds: DataSource,
  input: { partnerId?: string | null; customerId?: string | null },
): Promise<ReportScope | null> {
  if (input.customerId != null) {
    const [row] = await ds.query('SELECT id, partner_id FROM customers WHERE id = ?', [
      input.customerId,
    ]);
    return row && row.id === input.customerId
      ? { partnerId: row.partner_id, customerId: row.id }
      : null;
  }
  const [row] = await ds.query('SELECT id FROM partners WHERE id = ?', [input.partnerId]);
  return row && row.id === input.partnerId ? { partnerId: row.id, customerId: null } : null;
}

async function checkRecipients(ds: DataSource, viewer: Viewer, scope: ReportScope, ids: string[]) {
  if (ids.length === 0 || ids.length > MAX_RECIPIENTS) {
    throw badUserInput(`recipientIds must name 1 to ${MAX_RECIPIENTS} users`, {
      argumentName: 'input.recipientIds',
    });
  }
  const readers = await scopeReaders(ds, scope, ids);
  const visible = visibleUserCondition(viewer, 'u.id');
  const seen: Array<{ id: string }> = await ds.query(
    `SELECT u.id FROM users u WHERE u.id IN ${inList(ids)} AND ${visible.sql}`,
    [...ids, ...visible.params],
  );
  const seenIds = new Set(seen.map((row) => row.id));
  const wrong = ids.find((id) => !readers.has(id) || !seenIds.has(id));
  if (wrong !== undefined) {
    // The same words whether the user exists or not.
    throw badUserInput(
      `recipientIds: "${wrong.slice(0, 64)}" is not a user you administer who may read this scope`,
      { argumentName: 'input.recipientIds' },
    );
  }
}

async function checkCustomers(ds: DataSource, scope: ReportScope, ids: string[] | null) {
  if (ids === null) return;
  const within =
    scope.customerId !== null
      ? ids.filter((id) => id === scope.customerId)
      : (
          (await ds.query(
            `SELECT id FROM customers WHERE id IN ${inList(ids)} AND partner_id = ?`,
            [...ids, scope.partnerId],
          )) as Array<{ id: string }>
        ).map((row) => row.id);
  const wrong = ids.find((id) => !within.includes(id));
  if (wrong !== undefined) {
    throw badUserInput(`filter.customerIds: "${wrong.slice(0, 64)}" is not in the scope`, {
      argumentName: 'input.filter.customerIds',
    });
  }
}

export async function createSchedule(
  ds: DataSource,
  viewer: Viewer,
  input: CreateReportScheduleInput,
  now: Date,
): Promise<string> {
  if ((input.partnerId == null) === (input.customerId == null)) {
    throw badUserInput('Name exactly one of partnerId and customerId', {
      argumentName: 'input.partnerId',
    });
  }
  const scope = await scheduleScope(ds, input);
  if (!scope || !viewer.scope.allows('scheduleReports', scope)) throw forbidden(NOT_ADMIN);
  const name = input.name.trim();
  if (name.length === 0 || name.length > MAX_NAME) {
    throw badUserInput(`name must have 1 to ${MAX_NAME} characters`, {
      argumentName: 'input.name',
    });
  }
  // The filter is checked as Query.usageReport checks it (lists of 1 to 500, license types).
  const day = todayUtc(now);
  const query = reportQuery({
    filter: { ...input.filter, from: day, to: day },
    groupBy: input.groupBy,
    granularity: input.granularity,
  });
  await checkCustomers(ds, scope, query.customerIds);
  const recipientIds = [...new Set(input.recipientIds)];
  await checkRecipients(ds, viewer, scope, recipientIds);
  const id = randomUUID();
  const filter = {
    customerIds: query.customerIds,
    subscriptionIds: query.subscriptionIds,
    regions: query.regions,
    licenseTypes: query.licenseTypes,
  };
  await inTransaction(ds, async (manager) => {
    await manager.getRepository(ReportSchedule).insert({
      id,
      name,
      ownerId: viewer.user.id,
      partnerId: scope.partnerId,
      customerId: scope.customerId,
      filter: JSON.stringify(filter),
      groupBy: query.groupBy.join(','),
      granularity: input.granularity,
      cadence: input.cadence,
      nextRunAt: nextRunAfter(input.cadence, now),
      stoppedAt: null,
      createdAt: now,
    });
    await manager
      .getRepository(ReportRecipient)
      .insert(recipientIds.map((userId) => ({ scheduleId: id, userId })));
  });
  return id;
}
