import DataLoader from 'dataloader';

/** Bound on one `WHERE id IN (...)`: large enough to batch a page, small enough for any driver. */
export const MAX_BATCH = 500;

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
