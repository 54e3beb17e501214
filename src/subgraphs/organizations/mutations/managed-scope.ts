import type { EntityManager } from 'typeorm';
import type { ManagedScope } from './may-manage';
import type { RequestedScope } from './assignment-shape';

/**
 * The stored scope behind a requested or assigned one: a partner that exists, or a customer with
 * its partner as stored. Null when it does not exist — which callers answer exactly like a scope
 * the viewer may not manage.
 */
export async function managedScope(
  manager: EntityManager,
  scope: RequestedScope,
): Promise<ManagedScope | null> {
  if (scope.level === 'partner') {
    const rows: Array<{ id: string }> = await manager.query(
      'SELECT id FROM partners WHERE id = ?',
      [scope.id],
    );
    return rows.length === 1 && rows[0].id === scope.id
      ? { level: 'partner', partnerId: scope.id }
      : null;
  }
  const rows: Array<{ id: string; partner_id: string }> = await manager.query(
    'SELECT id, partner_id FROM customers WHERE id = ?',
    [scope.id],
  );
  // MySQL compares ids case-insensitively; an id must name its row exactly, as on SQLite.
  return rows.length === 1 && rows[0].id === scope.id
    ? { level: 'customer', customerId: scope.id, partnerId: rows[0].partner_id }
    : null;
}
