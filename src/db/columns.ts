// Column shapes every entity shares, so that ids, days and enums have one definition. Callers
// spread them and add what differs: `{ ...idColumn('partner_id'), nullable: true }`.

/** Ids are client-chosen strings ("Sub-104233", "cl-ams-1"); ingest checks them against ID_PATTERN. */
export const ID_LENGTH = 64;

export const idColumn = (name: string) => ({ name, type: 'varchar' as const, length: ID_LENGTH });

/** A calendar day, read and written as 'YYYY-MM-DD' on every database. */
export const dayColumn = (name: string) => ({ name, type: 'date' as const });

export const enumColumn = (name: string, values: Record<string, string>) => ({
  name,
  type: 'simple-enum' as const,
  enum: Object.values(values),
});

export const nameColumn = () => ({ name: 'name', type: 'varchar' as const, length: 200 });
