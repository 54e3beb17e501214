import DataLoader from 'dataloader';

/**
 * Bound on one `WHERE id IN (...)`: large enough for everything under a full page (issue 14: 500
 * customers of the bench seed hold 1,000 subscriptions and 2,500 clusters and tenants, and at 500
 * ids a statement the count grew with `first`), small enough for SQLite's 32,766 parameters with
 * the scope's beside them. MySQL's text protocol (TypeORM's `query`) has no parameter limit.
 */
export const MAX_BATCH = 10_000;

/**
 * A DataLoader that fetches rows by id in batches and answers null for ids the fetch did not
 * return — which is how an id out of the viewer's scope looks exactly like one that does not exist.
 */
export function byIdLoader<Row extends { id: string }>(
  fetch: (ids: readonly string[]) => Promise<Row[]>,
): DataLoader<string, Row | null> {
  return new DataLoader<string, Row | null>(
    async (ids) => {
      const rows = await fetch(ids);
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { maxBatchSize: MAX_BATCH },
  );
}

/** Like byIdLoader, for one-to-many: every key gets the (possibly empty) list of its rows. */
export function groupedLoader<Row>(
  fetch: (keys: readonly string[]) => Promise<Row[]>,
  keyOf: (row: Row) => string,
): DataLoader<string, Row[]> {
  return new DataLoader<string, Row[]>(
    async (keys) => {
      const rows = await fetch(keys);
      const groups = new Map<string, Row[]>(keys.map((key) => [key, []]));
      for (const row of rows) groups.get(keyOf(row))?.push(row);
      return keys.map((key) => groups.get(key) ?? []);
    },
    { maxBatchSize: MAX_BATCH },
  );
}
