import type { DataSource } from 'typeorm';
import { dateTimeValue } from '../../../db/date-time-value';
import type { RoleAuditAction } from '../../../db/entities/role-audit-entry.entity';
import type { RoleAssignmentState, RoleAuditEntry } from '../types/role-audit-entry.type';

export interface RoleAuditPageQuery {
  /** Exactly one: a partner's log holds its own roles and those of its customers. */
  column: 'partner_id' | 'customer_id';
  scopeId: string;
  /** Id of the last entry of the previous page (newest first). */
  after: number | null;
  limit: number;
}

interface AuditRow {
  id: number | string;
  created_at: Date | string;
  actor_user_id: string;
  action: RoleAuditAction;
  before_state: string | null;
  after_state: string | null;
}

const state = (json: string | null): RoleAssignmentState | null =>
  json === null ? null : (JSON.parse(json) as RoleAssignmentState);

/** One page of a scope's audit log, newest first, through its (scope, id) index. */
export async function roleAuditPage(
  ds: DataSource,
  query: RoleAuditPageQuery,
): Promise<{ entries: RoleAuditEntry[]; totalCount: number }> {
  const where = [`${query.column} = ?`];
  const params: unknown[] = [query.scopeId];
  if (query.after !== null) {
    where.push('id < ?');
    params.push(query.after);
  }
  const [rows, count] = await Promise.all([
    ds.query(
      `SELECT id, created_at, actor_user_id, action, before_state, after_state
       FROM role_audit_log WHERE ${where.join(' AND ')}
       ORDER BY id DESC LIMIT ${query.limit}`,
      params,
    ) as Promise<AuditRow[]>,
    ds.query(`SELECT COUNT(*) AS n FROM role_audit_log WHERE ${query.column} = ?`, [
      query.scopeId,
    ]) as Promise<Array<{ n: number | string }>>,
  ]);
  return {
    entries: rows.map((row) => ({
      id: String(row.id),
      at: dateTimeValue(row.created_at) as Date,
      action: row.action,
      actorUserId: row.actor_user_id,
      before: state(row.before_state),
      after: state(row.after_state),
    })),
    totalCount: Number(count[0].n),
  };
}
